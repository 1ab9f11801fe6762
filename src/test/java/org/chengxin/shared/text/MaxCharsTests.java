package org.chengxin.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaxCharsTests {

    record Purpose(@MaxChars(value = 30, message = "purpose 不能超过 30 个字符") String purpose) {
    }

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void twentySixCharactersOutsideTheBasicPlaneFitIntoThirty() {
        assertThat(validator.validate(new Purpose("𠮷".repeat(26)))).isEmpty();
        assertThat(validator.validate(new Purpose("𠮷".repeat(30)))).isEmpty();
        assertThat(validator.validate(new Purpose(null))).isEmpty();
    }

    @Test
    void thirtyOneCharactersAreTooManyWithTheGivenMessage() {
        assertThat(validator.validate(new Purpose("𠮷".repeat(31)))).extracting(v -> v.getMessage())
                .containsExactly("purpose 不能超过 30 个字符");
        assertThat(validator.validate(new Purpose("岳".repeat(31)))).hasSize(1);
    }
}
