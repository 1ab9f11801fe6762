package org.chengxin.records.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.shared.error.ChengxinException;

/**
 * Where a record stands and where it may go from there: every allowed change is a named method, every
 * other one is refused with its own code (the table is in docs/architecture.md, section 8.2).
 *
 * <p>A correction (a new version pushed by the department) is not a status of its own: the corrected
 * record is the next version, in the status {@link #correct} gives it.
 *
 * @param status    the status as stored
 * @param version   1 when accepted, one more with every correction
 * @param expiresOn the first day the record is no longer shown or used (policy 十)
 */
public record RecordLifecycle(RecordStatus status, int version, LocalDate expiresOn) {

    /** The statuses the nightly expiry moves to {@code EXPIRED} once the record's day has come. */
    public static final Set<RecordStatus> EXPIRABLE = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.OBJECTED, RecordStatus.SUSPENDED);

    static final String EXPIRY_REASON = "超过最长公开期限";

    /** A new record: version 1, active, or expired already when pushed after its last day. */
    public static RecordLifecycle accept(LocalDate expiresOn, LocalDate today) {
        return new RecordLifecycle(dueOn(expiresOn, today) ? RecordStatus.EXPIRED : RecordStatus.ACTIVE, 1, expiresOn);
    }

    /** A stored record as read: a record past its day reads as expired, whether or not the nightly job has marked it. */
    public static RecordLifecycle of(CreditRecord record) {
        return new RecordLifecycle(record.status(), record.version(), record.expiresOn());
    }

    /** A person disputes the record (异议): it is still shown and used, flagged as disputed. */
    public StatusChange object(ChangeReason why) {
        refuseUnless(status == RecordStatus.ACTIVE);
        return change(RecordStatus.OBJECTED, why.text());
    }

    /**
     * The objection was not verified in time and the configured rule suspends the record
     * ({@code chengxin.remedies.overdue-rule=SUSPEND}): still shown, marked, but no longer used for points,
     * lists or measures until the department decides. Only a record under objection.
     */
    public StatusChange suspend(ChangeReason why) {
        if (status == RecordStatus.ACTIVE) {
            throw notObjected();
        }
        if (status == RecordStatus.SUSPENDED) {
            throw ChengxinException.conflict("RECORD_ALREADY_SUSPENDED", "该记录已因异议逾期未核查暂停使用");
        }
        refuseUnless(status == RecordStatus.OBJECTED);
        return change(RecordStatus.SUSPENDED, why.text());
    }

    /** The objection ended and the record stands as it is: active again (a suspension ends with it). */
    public StatusChange resolveObjection(ChangeReason why) {
        if (!status.disputed()) {
            throw notObjected();
        }
        return change(RecordStatus.ACTIVE, why.text());
    }

    /**
     * The department, deciding an objection, corrects the record: the next version, no longer disputed
     * (nor suspended). Only a record under objection; a department changes any other record by pushing it again.
     */
    public StatusChange correctOnObjection(ChangeReason why) {
        if (!status.disputed()) {
            throw notObjected();
        }
        return change(RecordStatus.ACTIVE, why.text());
    }

    private static ChengxinException notObjected() {
        return ChengxinException.conflict("RECORD_NOT_OBJECTED", "该记录不在异议处理中");
    }

    /**
     * The department pushed different content: the next version. Its status stays, except that a new
     * expiry date already past expires it and an expired record whose new expiry date is ahead is
     * active again. A revoked record cannot be brought back by a push.
     */
    public RecordLifecycle correct(LocalDate newExpiresOn, LocalDate today) {
        if (status == RecordStatus.REVOKED) {
            throw ChengxinException.conflict("RECORD_REVOKED", "该来源编号的记录已撤销，不能再次报送");
        }
        RecordStatus next = dueOn(newExpiresOn, today) ? RecordStatus.EXPIRED
                : status == RecordStatus.EXPIRED ? RecordStatus.ACTIVE : status;
        return new RecordLifecycle(next, version + 1, newExpiresOn);
    }

    /** Credit repair (信用修复): the record is neither shown nor used any more. Not while it is disputed. */
    public StatusChange repair(ChangeReason why) {
        refuseUnless(status == RecordStatus.ACTIVE);
        return change(RecordStatus.REPAIRED, why.text());
    }

    /** Past its maximum disclosure period on {@code on}: neither shown nor used any more. */
    public StatusChange expire(LocalDate on) {
        refuseUnless(EXPIRABLE.contains(status));
        if (!dueOn(expiresOn, on)) {
            throw ChengxinException.conflict("RECORD_NOT_DUE", "该记录尚未超过最长公开期限");
        }
        return change(RecordStatus.EXPIRED, EXPIRY_REASON);
    }

    /** The department withdraws the record (for example after administrative review); allowed once. */
    public StatusChange revoke(ChangeReason why) {
        refuseUnless(status != RecordStatus.REVOKED);
        return change(RecordStatus.REVOKED, why.text());
    }

    private StatusChange change(RecordStatus to, String reason) {
        return new StatusChange(status, to, reason);
    }

    private static boolean dueOn(LocalDate expiresOn, LocalDate day) {
        return !expiresOn.isAfter(day);
    }

    /** The refusal is named by what stands in the way: the status the record is already in. */
    private void refuseUnless(boolean allowed) {
        if (allowed) {
            return;
        }
        throw switch (status) {
            case REVOKED -> ChengxinException.conflict("RECORD_ALREADY_REVOKED", "该记录已撤销");
            case REPAIRED -> ChengxinException.conflict("RECORD_ALREADY_REPAIRED", "该记录已修复，不再公示和使用");
            case EXPIRED -> ChengxinException.conflict("RECORD_ALREADY_EXPIRED", "该记录已超过最长公开期限，不再公示和使用");
            case OBJECTED -> ChengxinException.conflict("RECORD_ALREADY_OBJECTED", "该记录正在异议处理中");
            case SUSPENDED -> ChengxinException.conflict("RECORD_ALREADY_OBJECTED", "该记录正在异议处理中（异议逾期未核查，暂停使用）");
            case ACTIVE -> throw new IllegalStateException("an active record is refused no change by status");
        };
    }
}
