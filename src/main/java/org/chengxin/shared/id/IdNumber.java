package org.chengxin.shared.id;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A valid citizen ID number (GB 11643-1999), always in its normalized 18-character form.
 * {@link #toString()} is masked on purpose: a stray log statement or string concatenation can
 * never leak the full number. Use {@link #value()} only where the full number is needed.
 */
public final class IdNumber {

    private final String value;
    private final IdNumberKind kind;

    private IdNumber(String value, IdNumberKind kind) {
        this.value = value;
        this.kind = kind;
    }

    /** Checks a raw string (normalizing it first) and returns every finding. */
    public static IdNumberCheck check(String raw, Clock clock) {
        return IdNumberValidator.check(raw, clock);
    }

    /** Parses a raw string or throws {@link InvalidIdNumberException} with the first rejecting error. */
    public static IdNumber parse(String raw, Clock clock) {
        IdNumberCheck check = check(raw, clock);
        return check.idNumber().orElseThrow(() -> new InvalidIdNumberException(check));
    }

    /** The GB 11643 check character (ISO 7064 MOD 11-2) of 17 digits. */
    public static char checkCharacterOf(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("需要17位数字");
        }
        return IdNumberValidator.checkCharacter(first17);
    }

    static IdNumber trusted(String normalized, IdNumberKind kind) {
        return new IdNumber(normalized, kind);
    }

    /** The full normalized number. Sensitive: never log it, never put it in a URL. */
    public String value() {
        return value;
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    public IdNumberKind kind() {
        return kind;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** 'M' or 'F', from the parity of the 17th character. */
    public char sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /**
     * The six-digit division code of issue. For a foreign permanent resident ID it is the province
     * that issued it (digits 2-3), since digits 4-6 hold the nationality.
     */
    public String regionCode() {
        if (kind == IdNumberKind.FOREIGN_PERMANENT_RESIDENT_ID) {
            return value.substring(1, 3) + "0000";
        }
        return value.substring(0, 6);
    }

    /** The region's Chinese name from the shipped GB/T 2260 table, as far as it knows the code. */
    public String regionName() {
        String name = Regions.fullName(regionCode());
        return kind == IdNumberKind.FOREIGN_PERMANENT_RESIDENT_ID ? name + "（签发地）" : name;
    }

    /**
     * Whether the person was a minor (未成年人) on the given day: not yet 满18周岁, which counts from the day after the
     * 18th birthday, as Chinese courts compute 周岁.
     */
    public boolean isMinorOn(LocalDate day) {
        return ageOn(day.minusDays(1)) < 18;
    }

    /** Age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
