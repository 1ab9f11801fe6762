package org.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Decision dates as department systems and spreadsheets write them. */
public final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"),
            DateTimeFormatter.ofPattern("uuuu.M.d"));

    private Dates() {
    }

    public static Optional<LocalDate> parse(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space);
        }
        int tee = t.indexOf('T');
        if (tee == 10) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Optional.empty();
    }
}
