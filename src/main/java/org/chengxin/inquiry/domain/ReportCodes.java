package org.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * What a report is issued with: its number (YYXY, the day, an eight-digit sequence), a twelve-character
 * verification code without the characters read alike (0/O, 1/I), and its validity of 30 days.
 */
public final class ReportCodes {

    static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    static final int CODE_LENGTH = 12;
    static final int VALID_DAYS = 30;

    private ReportCodes() {
    }

    public static String number(LocalDate issuedOn, long sequence) {
        return "YYXY" + issuedOn.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%08d", sequence);
    }

    /** A code nobody can guess: {@code random} is a secure one outside tests. */
    public static String verificationCode(RandomGenerator random) {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return b.toString();
    }

    public static LocalDate validUntil(LocalDate issuedOn) {
        return issuedOn.plusDays(VALID_DAYS);
    }
}
