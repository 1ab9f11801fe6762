package org.chengxin.remedies.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chengxin.remedies.Attachment;
import org.chengxin.shared.upload.EvidenceFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The files attached to objections and repair applications. */
@Component
class JdbcAttachments {

    private final JdbcClient jdbc;

    JdbcAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Long objectionId, Long repairId, EvidenceFile file, String sha256, Instant at) {
        jdbc.sql("""
                insert into remedies_attachment (objection_id, repair_id, subject_index, file_name, media_type, size_bytes, sha256,
                    content, added_at)
                select :o, :r, coalesce((select subject_index from remedies_objection where id = :o),
                        (select subject_index from remedies_repair where id = :r)),
                    :name, :type, :size, :sha, :content, :at""")
                .param("o", objectionId).param("r", repairId).param("name", file.fileName()).param("type", file.mediaType())
                .param("size", file.size()).param("sha", sha256).param("content", file.content()).param("at", Timestamp.from(at))
                .update();
    }

    /** The attachments of an objection or a repair, without their content. */
    List<Attachment> of(Long objectionId, Long repairId) {
        return jdbc.sql("""
                select id, file_name, media_type, size_bytes, sha256 from remedies_attachment
                where objection_id = :o or repair_id = :r order by id""")
                .param("o", objectionId).param("r", repairId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), null))
                .list();
    }

    Optional<Owner> ownerOf(long attachmentId) {
        return jdbc.sql("select objection_id, repair_id from remedies_attachment where id = :id").param("id", attachmentId)
                .query((rs, n) -> new Owner((Long) rs.getObject(1), (Long) rs.getObject(2))).optional();
    }

    Attachment content(long attachmentId) {
        return jdbc.sql("select id, file_name, media_type, size_bytes, sha256, content from remedies_attachment where id = :id")
                .param("id", attachmentId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBytes(6)))
                .single();
    }

    /** The case an attachment belongs to: one of the two. */
    record Owner(Long objectionId, Long repairId) {
    }
}
