package org.chengxin;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules that decide something about a person live in plain Java: no Spring, no database, no web layer
 * and no module's internals in any module's {@code domain} package. The rules name no module, so a
 * module added later is covered the day it gets a {@code domain} package.
 */
class DomainPurityTests {

    /** What a plain-Java rule must not touch. */
    private static final String[] FRAMEWORKS = { "org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
            "tools.jackson..", "com.fasterxml.jackson.." };

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chengxin");

    @Test
    void domainPackagesUseNeitherSpringNorTheDatabase() {
        // package-info may name the package's role for Spring Modulith; the classes themselves stay plain
        noClasses().that().resideInAPackage("..domain..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(classes);
    }

    @Test
    void domainPackagesReachNoModulesInternalsAndNoWebLayer() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chengxin..internal..", "org.chengxin..web..")
                .check(classes);
    }

    /** The compiled classes do not show an import nobody uses; the source does, and it is the first step to a use. */
    @Test
    void noDomainSourceFileImportsAFramework() {
        List<String> frameworkImports = domainSources().flatMap(DomainPurityTests::frameworkImports).toList();

        assertThat(frameworkImports).isEmpty();
    }

    @Test
    void theSharedKernelDependsOnNoModule() {
        classes().that().resideInAPackage("org.chengxin.shared..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.chengxin..").or(resideInAPackage("org.chengxin.shared..")))
                .check(classes);
    }

    private static Stream<Path> domainSources() {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> MAIN_SOURCES.relativize(f).toString().replace('\\', '/').contains("/domain/"))
                    .toList();
            assertThat(sources).as("domain sources under " + MAIN_SOURCES.toAbsolutePath()).isNotEmpty();
            return sources.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> frameworkImports(Path source) {
        try {
            return Files.readAllLines(source, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("import "))
                    .filter(line -> Stream.of(FRAMEWORKS).anyMatch(framework -> imports(line, framework)))
                    .map(line -> source + ": " + line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean imports(String importLine, String frameworkPackage) {
        String prefix = frameworkPackage.substring(0, frameworkPackage.length() - 2) + ".";
        return importLine.replaceFirst("^import\\s+(static\\s+)?", "").startsWith(prefix);
    }
}
