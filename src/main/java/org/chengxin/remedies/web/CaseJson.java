package org.chengxin.remedies.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.records.CreditRecord;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The cases as department systems read them: the person by masked number only (never the blind index,
 * never the full number), statuses with their Chinese labels, the due day and whether it has passed.
 */
final class CaseJson {

    private CaseJson() {
    }

    record ObjectionSummary(long id, long recordId, String itemCode, String itemName, String maskedId, String field,
            String fieldLabel, String status, String statusLabel, Instant filedAt, LocalDate dueOn, boolean overdue,
            boolean escalated, boolean late) {

        static ObjectionSummary of(Objection o, CaseRecords view) {
            return new ObjectionSummary(o.id(), o.recordId(), o.itemCode(), view.itemName(o.itemCode()), view.maskedId(o.recordId()),
                    o.field(), view.fieldLabel(o.itemCode(), o.field()), o.status().name(), o.status().label(), o.filedAt(),
                    o.dueOn(), o.overdue(view.today()), o.escalatedAt() != null, o.late());
        }
    }

    record ObjectionDetail(long id, String status, String statusLabel, String channel, String channelLabel, Instant filedAt,
            LocalDate dueOn, boolean overdue, boolean escalated, String field, String fieldLabel, String grounds,
            String requestedValue, Instant decidedAt, String decisionReason, String correctedValue, boolean late,
            RecordJson record, List<AttachmentJson> attachments) {

        static ObjectionDetail of(Objection o, CreditRecord record, List<Attachment> files, CaseRecords view) {
            return new ObjectionDetail(o.id(), o.status().name(), o.status().label(), o.channel().name(), o.channel().label(),
                    o.filedAt(), o.dueOn(), o.overdue(view.today()), o.escalatedAt() != null, o.field(),
                    view.fieldLabel(o.itemCode(), o.field()), o.grounds(), o.requestedValue(), o.decidedAt(), o.decisionReason(),
                    o.correctedValue(), o.late(), RecordJson.of(record, view), AttachmentJson.of(files));
        }
    }

    record RepairSummary(long id, long recordId, String itemCode, String itemName, String maskedId, String status,
            String statusLabel, Instant filedAt, LocalDate dueOn, boolean overdue, boolean escalated, boolean late) {

        static RepairSummary of(RepairApplication a, CaseRecords view) {
            return new RepairSummary(a.id(), a.recordId(), a.itemCode(), view.itemName(a.itemCode()), view.maskedId(a.recordId()),
                    a.status().name(), a.status().label(), a.filedAt(), a.dueOn(), a.overdue(view.today()),
                    a.escalatedAt() != null, a.late());
        }
    }

    record RepairDetail(long id, String status, String statusLabel, String channel, String channelLabel, Instant filedAt,
            LocalDate dueOn, boolean overdue, boolean escalated, String fulfilment, String localWays, String commitment,
            String commitmentLabel, Instant decidedAt, String decisionReason, boolean late, RecordJson record,
            List<AttachmentJson> attachments, List<Repairs.ProofRecord> proofRecords) {

        static RepairDetail of(RepairApplication a, CreditRecord record, List<Attachment> files, List<Repairs.ProofRecord> proof,
                CaseRecords view) {
            return new RepairDetail(a.id(), a.status().name(), a.status().label(), a.channel().name(), a.channel().label(),
                    a.filedAt(), a.dueOn(), a.overdue(view.today()), a.escalatedAt() != null, a.fulfilment(), a.localWays(),
                    a.commitment().name(), a.commitment().label(), a.decidedAt(), a.decisionReason(), a.late(),
                    RecordJson.of(record, view), AttachmentJson.of(files), proof);
        }
    }

    /** The record a case is about, every content field under its catalog label, and the person's published statements. */
    record RecordJson(long id, int version, String itemCode, String itemName, DepartmentCode departmentCode, String departmentName,
            String maskedId, LocalDate decisionDate, String documentNumber, String status, String statusLabel,
            List<CaseRecords.Field> content, List<String> statements) {

        static RecordJson of(CreditRecord r, CaseRecords view) {
            return new RecordJson(r.id(), r.version(), r.itemCode(), view.itemName(r.itemCode()), r.departmentCode(),
                    view.departmentName(r.departmentCode()), view.maskedId(r), r.decisionDate(), r.documentNumber(),
                    r.status().name(), r.status().label(), view.fields(r), view.statementsOn(r.id()));
        }
    }

    /** A file of the case, described; its content is fetched from its own address. */
    record AttachmentJson(long id, String fileName, String mediaType, int sizeBytes, String sha256) {

        static List<AttachmentJson> of(List<Attachment> files) {
            return files.stream().map(f -> new AttachmentJson(f.id(), f.fileName(), f.mediaType(), f.sizeBytes(), f.sha256())).toList();
        }
    }
}
