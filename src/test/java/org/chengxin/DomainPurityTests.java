package org.chengxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules that decide something about a person live in plain Java: no Spring, no database in domain packages. */
class DomainPurityTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chengxin");

    @Test
    void domainPackagesUseNeitherSpringNorTheDatabase() {
        // package-info may name the package's role for Spring Modulith; the classes themselves stay plain
        noClasses().that().resideInAPackage("..domain..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoModule() {
        noClasses().that().resideInAPackage("org.chengxin.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chengxin.identity..", "org.chengxin.organization..",
                        "org.chengxin.catalog..", "org.chengxin.records..", "org.chengxin.ingestion..", "org.chengxin.audit..")
                .check(classes);
    }
}
