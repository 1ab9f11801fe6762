package org.chengxin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Starts the whole application on a random port, on the embedded PostgreSQL (or, in the prod
 * Maven profile, on the server named by CHENGXIN_DB_URL). All such tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({IntegrationTestConfiguration.class, Fixtures.class, AuditRecords.class})
public @interface ChengxinIntegrationTest {
}
