package org.chengxin.shared.id;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.shared.text.UnicodeText;

/** The GB 11643-1999 rules, applied after normalization. */
final class IdNumberValidator {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumberValidator() {
    }

    /** ISO 7064 MOD 11-2 check character of the first 17 digits. */
    static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /**
     * Trim white space and invisible characters (no-break spaces, zero-width characters, the BOM) at
     * both ends, full-width digits and letters to half-width, x to X. Invisible characters inside
     * the number are not removed: such a number is refused ({@link IdNumberError#ID_INVISIBLE_CHARACTER}).
     */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = UnicodeText.stripInvisible(raw);
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            out.append(c == 'x' ? 'X' : c);
        }
        return out.toString();
    }

    static IdNumberCheck check(String raw, Clock clock) {
        String n = normalize(raw);
        List<IdNumberError> findings = new ArrayList<>();
        if (n.isEmpty()) {
            return rejected(n, findings, IdNumberError.ID_EMPTY);
        }
        if (UnicodeText.invisibleInside(n).isPresent()) {
            return rejected(n, findings, IdNumberError.ID_INVISIBLE_CHARACTER);
        }
        if (n.length() == 15) {
            if (!allDigits(n, 15)) {
                return rejected(n, findings, IdNumberError.ID_BAD_CHARACTERS);
            }
            String body = n.substring(0, 6) + "19" + n.substring(6);
            n = body + checkCharacter(body);
            findings.add(IdNumberError.ID_LEGACY_15_UPGRADED);
        }
        if (n.length() != 18) {
            return rejected(n, findings, IdNumberError.ID_WRONG_LENGTH);
        }
        char last = n.charAt(17);
        if (!allDigits(n, 17) || !(Character.isDigit(last) || last == 'X')) {
            return rejected(n, findings, IdNumberError.ID_BAD_CHARACTERS);
        }
        if (checkCharacter(n) != last) {
            findings.add(IdNumberError.ID_BAD_CHECK_CHARACTER);
        }
        checkBirthDate(n, clock, findings);
        IdNumberKind kind = kindOf(n);
        checkRegion(n, kind, findings);
        boolean valid = findings.stream().noneMatch(IdNumberError::isRejecting);
        return new IdNumberCheck(n, valid ? IdNumber.trusted(n, kind) : null, findings);
    }

    private static IdNumberCheck rejected(String n, List<IdNumberError> findings, IdNumberError error) {
        findings.add(error);
        return new IdNumberCheck(n, null, findings);
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkBirthDate(String n, Clock clock, List<IdNumberError> findings) {
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)),
                    Integer.parseInt(n.substring(10, 12)), Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException e) {
            findings.add(IdNumberError.ID_IMPOSSIBLE_DATE);
            return;
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            findings.add(IdNumberError.ID_BIRTH_DATE_TOO_EARLY);
        } else if (birth.isAfter(LocalDate.now(clock))) {
            findings.add(IdNumberError.ID_BIRTH_DATE_IN_FUTURE);
        }
    }

    static IdNumberKind kindOf(String n) {
        if (n.charAt(0) == '9') {
            return IdNumberKind.FOREIGN_PERMANENT_RESIDENT_ID;
        }
        return switch (n.substring(0, 6)) {
            case "810000" -> IdNumberKind.HONG_KONG_RESIDENCE_PERMIT;
            case "820000" -> IdNumberKind.MACAO_RESIDENCE_PERMIT;
            case "830000" -> IdNumberKind.TAIWAN_RESIDENCE_PERMIT;
            default -> IdNumberKind.RESIDENT_ID;
        };
    }

    private static void checkRegion(String n, IdNumberKind kind, List<IdNumberError> findings) {
        switch (kind) {
            case FOREIGN_PERMANENT_RESIDENT_ID -> {
                if (!Regions.isProvince(n.substring(1, 3)) || n.startsWith("8", 1) || n.startsWith("71", 1)) {
                    findings.add(IdNumberError.ID_UNKNOWN_REGION);
                }
            }
            case HONG_KONG_RESIDENCE_PERMIT, MACAO_RESIDENCE_PERMIT, TAIWAN_RESIDENCE_PERMIT -> {
                // 810000, 820000 and 830000 are the whole code: nothing more to check.
            }
            case RESIDENT_ID -> {
                String province = n.substring(0, 2);
                if (!Regions.isProvince(province) || province.startsWith("8")) {
                    findings.add(IdNumberError.ID_UNKNOWN_REGION);
                } else if (!Regions.knows(n.substring(0, 6))) {
                    findings.add(IdNumberError.ID_UNKNOWN_COUNTY);
                }
            }
        }
    }
}
