package org.chengxin.identity;

import java.time.LocalDate;

/**
 * A credit subject as other modules see it: an id, the hex blind index (for audit entries and
 * events) and the masked number. Never the number itself.
 */
public record CitizenRef(long id, String blindIndex, String maskedId, LocalDate birthDate, char sex, String regionCode) {
}
