package org.chengxin.statements.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.subject.SubjectKey;

/**
 * Every version of one person's statement on one record, oldest first, and the rules between them:
 * <ul>
 * <li>at most one version is under review: a new version replaces a pending one (SUPERSEDED, never reviewed);</li>
 * <li>a published version stays shown while its successor is under review; once the successor is published the
 *     earlier published ones are SUPERSEDED, and if it is rejected the earlier one stays shown;</li>
 * <li>the person withdraws the statement as a whole: every live version is WITHDRAWN;</li>
 * <li>a text the same as the live version's is not a new version.</li>
 * </ul>
 * Statements kept before the review existed may have several published versions; all of them are shown until the
 * next version is published or the statement is withdrawn.
 */
public record StatementHistory(SubjectKey subject, long recordId, List<OwnStatement> versions) {

    public StatementHistory {
        versions = versions.stream().sorted(Comparator.comparingInt(OwnStatement::version)).toList();
    }

    public static StatementHistory empty(SubjectKey subject, long recordId) {
        return new StatementHistory(subject, recordId, List.of());
    }

    /** What a step changed: the versions to write (existing ones updated, a new one without id added). */
    public record Change(List<OwnStatement> updated, OwnStatement added, OwnStatement acted) {
    }

    /** The person writes the statement, first or again: a new version under review. */
    public Change submit(String text, String by, Instant at) {
        OwnStatement next = OwnStatement.submit(subject, recordId, latestVersion() + 1, text, by, at);
        if (versions.stream().anyMatch(v -> v.status().live() && v.text().equals(next.text()))) {
            throw ChengxinException.badRequest("STATEMENT_UNCHANGED", "声明内容与现有的声明相同，无需重新提交");
        }
        List<OwnStatement> updated = pending().map(p -> List.of(p.supersede(at))).orElse(List.of());
        return new Change(updated, next, next);
    }

    /** The reviewer publishes the version under review; the earlier published versions give way to it. */
    public Change publish(long versionId, String reviewer, Instant at) {
        OwnStatement published = version(versionId).publish(reviewer, at);
        List<OwnStatement> updated = new ArrayList<>();
        updated.add(published);
        versions.stream().filter(v -> v.shown() && !v.id().equals(versionId)).forEach(v -> updated.add(v.supersede(at)));
        return new Change(updated, null, published);
    }

    /** The reviewer rejects the version under review; an earlier published version stays shown. */
    public Change reject(long versionId, RejectionGround ground, String reason, String reviewer, Instant at) {
        OwnStatement rejected = version(versionId).reject(ground, reason, reviewer, at);
        return new Change(List.of(rejected), null, rejected);
    }

    /** The person withdraws the statement: every version under review or shown. */
    public Change withdraw(Instant at) {
        List<OwnStatement> live = versions.stream().filter(v -> v.status().live()).toList();
        if (live.isEmpty()) {
            if (versions.isEmpty()) {
                throw ChengxinException.notFound("STATEMENT_NOT_FOUND", "没有找到该本人声明");
            }
            latest().withdraw(at); // refused with the reason the latest version gives
        }
        List<OwnStatement> updated = live.stream().map(v -> v.withdraw(at)).toList();
        return new Change(updated, null, updated.get(updated.size() - 1));
    }

    /** The versions shown beside the record. */
    public List<OwnStatement> shown() {
        return versions.stream().filter(OwnStatement::shown).toList();
    }

    public Optional<OwnStatement> pending() {
        return versions.stream().filter(v -> v.status() == StatementStatus.PENDING).findFirst();
    }

    /** The newest version, whatever its status; null when there is none. */
    public OwnStatement latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** Something under review or shown: the person can withdraw it, and edits it rather than adds one. */
    public boolean live() {
        return versions.stream().anyMatch(v -> v.status().live());
    }

    /** The text the editor starts from: the newest live version's, else empty. */
    public String draft() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).status().live()) {
                return versions.get(i).text();
            }
        }
        return "";
    }

    private int latestVersion() {
        return versions.isEmpty() ? 0 : latest().version();
    }

    private OwnStatement version(long versionId) {
        return versions.stream().filter(v -> v.id() != null && v.id() == versionId).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("STATEMENT_NOT_FOUND", "没有编号为 " + versionId + " 的本人声明"));
    }
}
