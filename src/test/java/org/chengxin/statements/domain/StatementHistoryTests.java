package org.chengxin.statements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;

/** The rules between the versions of one statement: editing, review, withdrawal, history kept. */
class StatementHistoryTests {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final SubjectKey PERSON = SubjectKey.fromHex("cd".repeat(32));

    private long nextId = 100;

    /** Applies a change the way the store does: updated versions replace theirs, an added one gets an id. */
    private StatementHistory apply(StatementHistory h, StatementHistory.Change change) {
        List<OwnStatement> out = new ArrayList<>(h.versions());
        change.updated().forEach(u -> out.replaceAll(v -> v.id().equals(u.id()) ? u : v));
        if (change.added() != null) {
            out.add(change.added().withId(nextId++));
        }
        return new StatementHistory(h.subject(), h.recordId(), out);
    }

    private StatementHistory submitted(String text) {
        return apply(StatementHistory.empty(PERSON, 7), StatementHistory.empty(PERSON, 7).submit(text, "本人", AT));
    }

    @Test
    void theFirstVersionIsUnderReviewAndShownOnlyOncePublished() {
        StatementHistory h = submitted("罚款已缴清");

        assertThat(h.pending()).get().satisfies(p -> assertThat(p.version()).isEqualTo(1));
        assertThat(h.shown()).isEmpty();
        assertThat(h.live()).isTrue();
        assertThat(h.draft()).isEqualTo("罚款已缴清");

        StatementHistory published = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        assertThat(published.shown()).extracting(OwnStatement::text).containsExactly("罚款已缴清");
        assertThat(published.pending()).isEmpty();
    }

    @Test
    void anEditIsANewVersionThePublishedOneStaysShownUntilTheNewOneIsPublished() {
        StatementHistory h = submitted("罚款已缴清");
        h = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        long first = h.latest().id();

        h = apply(h, h.submit("罚款已于2026年3月缴清，并已整改", "本人", AT));
        assertThat(h.versions()).hasSize(2);
        assertThat(h.latest().version()).isEqualTo(2);
        assertThat(h.latest().status()).isEqualTo(StatementStatus.PENDING);
        assertThat(h.shown()).extracting(OwnStatement::id).containsExactly(first);

        h = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        assertThat(h.shown()).extracting(OwnStatement::text).containsExactly("罚款已于2026年3月缴清，并已整改");
        assertThat(h.versions().get(0).status()).as("the old version is kept").isEqualTo(StatementStatus.SUPERSEDED);
    }

    @Test
    void aRejectedEditLeavesThePublishedVersionShown() {
        StatementHistory h = submitted("罚款已缴清");
        h = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        h = apply(h, h.submit("都是执法人员张三乱罚款", "本人", AT));

        h = apply(h, h.reject(h.latest().id(), RejectionGround.ABUSIVE, null, "shenhe", AT));
        assertThat(h.shown()).extracting(OwnStatement::text).containsExactly("罚款已缴清");
        assertThat(h.latest().status()).isEqualTo(StatementStatus.REJECTED);
        assertThat(h.draft()).as("the editor starts from what is shown").isEqualTo("罚款已缴清");
    }

    @Test
    void aNewVersionReplacesOneStillUnderReview() {
        StatementHistory h = submitted("第一稿");
        h = apply(h, h.submit("第二稿", "本人", AT));

        assertThat(h.versions()).extracting(OwnStatement::status).containsExactly(StatementStatus.SUPERSEDED, StatementStatus.PENDING);
        assertThat(h.pending()).get().satisfies(p -> assertThat(p.text()).isEqualTo("第二稿"));
        StatementHistory after = h;
        long replaced = h.versions().get(0).id();
        assertThatThrownBy(() -> after.publish(replaced, "shenhe", AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_NOT_PENDING"));
    }

    @Test
    void theSameTextAsTheLiveVersionIsNotANewVersion() {
        StatementHistory h = submitted("罚款已缴清");

        assertThatThrownBy(() -> h.submit(" 罚款已缴清 ", "本人", AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_UNCHANGED"));
        StatementHistory rejected = apply(h, h.reject(h.latest().id(), RejectionGround.ABUSIVE, null, "shenhe", AT));
        assertThat(rejected.submit("罚款已缴清", "本人", AT).added().version()).as("a rejected text may be sent again").isEqualTo(2);
    }

    @Test
    void aWithdrawalTakesBackEveryLiveVersionAndKeepsThemAll() {
        StatementHistory h = submitted("罚款已缴清");
        h = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        h = apply(h, h.submit("罚款已缴清并整改", "本人", AT));

        h = apply(h, h.withdraw(AT));
        assertThat(h.versions()).extracting(OwnStatement::status).containsExactly(StatementStatus.WITHDRAWN, StatementStatus.WITHDRAWN);
        assertThat(h.shown()).isEmpty();
        assertThat(h.live()).isFalse();
        StatementHistory withdrawn = h;
        assertThatThrownBy(() -> withdrawn.withdraw(AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_ALREADY_WITHDRAWN"));
        assertThat(withdrawn.submit("重新声明", "本人", AT).added().version()).as("a statement may be written again").isEqualTo(3);
    }

    @Test
    void nothingLiveToWithdrawIsRefusedWithTheLatestVersionsReason() {
        StatementHistory h = submitted("内容");
        StatementHistory rejected = apply(h, h.reject(h.latest().id(), RejectionGround.ABUSIVE, null, "shenhe", AT));

        assertThatThrownBy(() -> rejected.withdraw(AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_NOT_WITHDRAWABLE"));
        assertThatThrownBy(() -> StatementHistory.empty(PERSON, 7).withdraw(AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_NOT_FOUND"));
        assertThatThrownBy(() -> rejected.publish(99_999, "shenhe", AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_NOT_FOUND"));
    }

    @Test
    void severalStatementsPublishedBeforeTheReviewExistedAreAllShownUntilTheNextIsPublished() {
        OwnStatement a = new OwnStatement(1L, PERSON, 7, 1, "说明一", Set.of(), StatementStatus.PUBLISHED, "本人", AT,
                "迁移", AT, null, null, null);
        OwnStatement b = new OwnStatement(2L, PERSON, 7, 2, "说明二", Set.of(), StatementStatus.PUBLISHED, "本人", AT,
                "迁移", AT, null, null, null);
        StatementHistory h = new StatementHistory(PERSON, 7, List.of(b, a));

        assertThat(h.versions()).extracting(OwnStatement::version).containsExactly(1, 2);
        assertThat(h.shown()).hasSize(2);
        h = apply(h, h.submit("合并后的说明", "本人", AT));
        h = apply(h, h.publish(h.latest().id(), "shenhe", AT));
        assertThat(h.shown()).extracting(OwnStatement::text).containsExactly("合并后的说明");
        assertThat(h.versions()).extracting(OwnStatement::status)
                .containsExactly(StatementStatus.SUPERSEDED, StatementStatus.SUPERSEDED, StatementStatus.PUBLISHED);
    }
}
