package org.chengxin.shared.id;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a raw string: its normalized form, the number when it is valid, and the
 * findings (errors and warnings) in the order they were found.
 */
public record IdNumberCheck(String normalized, IdNumber number, List<IdNumberError> findings) {

    public IdNumberCheck {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return number != null;
    }

    public Optional<IdNumber> idNumber() {
        return Optional.ofNullable(number);
    }

    public List<IdNumberError> errors() {
        return findings.stream().filter(IdNumberError::isRejecting).toList();
    }

    public List<IdNumberError> warnings() {
        return findings.stream().filter(f -> !f.isRejecting()).toList();
    }

    /** The normalized input, masked, for answers and messages. */
    public String maskedInput() {
        return Masking.idNumber(normalized);
    }
}
