package org.chengxin.audit.internal;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The trail's retention: a production start with less than the law's six months is refused, by name. */
@Configuration(proxyBeanMethods = false)
class AuditArchiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditArchiveConfiguration.class);

    @Bean
    AuditRetention auditRetention(@Value("${chengxin.audit.retention:P1Y}") String configured, Environment env) {
        Period period;
        try {
            period = Period.parse(configured.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("审计日志保存期限 chengxin.audit.retention=" + configured + " 不是 ISO-8601 期间（例如 P1Y、P6M）", e);
        }
        AuditRetention retention = new AuditRetention(period);
        if (retention.belowLegalMinimum()) {
            String message = "审计日志保存期限 chengxin.audit.retention=" + period + " 短于《网络安全法》第二十一条要求的六个月";
            if (env.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException(message + "，生产模式拒绝启动 (the prod profile needs chengxin.audit.retention of at least P6M)");
            }
            log.warn("{}：仅限开发和测试使用", message);
        }
        return retention;
    }
}
