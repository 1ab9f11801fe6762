package org.chengxin.shared.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #value()} characters as a person counts them (code points: 𠮷 is one), where
 * {@code @Size} would count UTF-16 units and call 26 × 𠮷 too long for 30. Null is valid.
 */
@Documented
@Constraint(validatedBy = MaxChars.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxChars {

    int value();

    String message() default "超过允许的字数";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts code points. */
    class Validator implements ConstraintValidator<MaxChars, CharSequence> {
        private int max;

        @Override
        public void initialize(MaxChars annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !UnicodeText.longerThan(value, max);
        }
    }
}
