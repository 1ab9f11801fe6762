package org.chengxin.records.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.chengxin.records.NewRecord;
import org.chengxin.shared.subject.SubjectKey;

/** What makes two pushes of the same source id "the same": subject, item, decision, document and content. */
final class ContentHash {

    private ContentHash() {
    }

    /** A served repair notice makes a push differ from one without; without one the hash is as it always was. */
    static String of(NewRecord r) {
        Map<String, String> content = r.content();
        if (r.repairNotice()) {
            content = new TreeMap<>(content);
            content.put("\u0000repairNotice", "true");
        }
        return of(r.subject(), r.item().code(), r.decisionDate(), r.documentNumber(), content);
    }

    static String of(SubjectKey subject, String itemCode, LocalDate decisionDate, String documentNumber, Map<String, String> content) {
        StringBuilder s = new StringBuilder(256).append(subject.hex()).append('\u001F').append(itemCode)
                .append('\u001F').append(decisionDate).append('\u001F').append(documentNumber == null ? "" : documentNumber);
        for (Map.Entry<String, String> e : new TreeMap<>(content).entrySet()) {
            s.append('\u001F').append(e.getKey()).append('=').append(e.getValue());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
