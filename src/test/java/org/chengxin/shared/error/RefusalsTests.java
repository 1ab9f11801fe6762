package org.chengxin.shared.error;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.chengxin.shared.error.ChengxinException.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A refusal is plain Java that domain code can throw; only the web layer knows its HTTP status. */
class RefusalsTests {

    @Test
    void theRefusalTypeDependsOnNothingOfSpring() {
        noClasses().that().haveFullyQualifiedName(ChengxinException.class.getName())
                .or().haveFullyQualifiedName(Kind.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(new ClassFileImporter().importClasses(ChengxinException.class, Kind.class));
    }

    @Test
    void eachKindOfRefusalHasOneHttpStatus() {
        assertThat(Problems.statusOf(ChengxinException.badRequest("X", "x").kind())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.statusOf(ChengxinException.forbidden("X", "x").kind())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Problems.statusOf(ChengxinException.notFound("X", "x").kind())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Problems.statusOf(ChengxinException.conflict("X", "x").kind())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(Problems.statusOf(ChengxinException.tooLarge("X", "x").kind())).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(Problems.statusOf(ChengxinException.unavailable("X", "x").kind())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aProblemCarriesTheRefusalsCodeAndMaskedMessage() {
        var problem = Problems.of(ChengxinException.conflict("RECORD_ALREADY_REVOKED", "记录 430602199001011235 已撤销"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "RECORD_ALREADY_REVOKED");
        assertThat(problem.getDetail()).doesNotContain("430602199001011235").contains("430602********1235");
    }
}
