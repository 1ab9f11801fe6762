package org.chengxin.statements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every step of one version from every status: allowed where the diagram says, refused with its own code elsewhere. */
class OwnStatementTests {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-02T03:00:00Z");
    private static final SubjectKey PERSON = SubjectKey.fromHex("ab".repeat(32));

    private static OwnStatement submitted() {
        return OwnStatement.submit(PERSON, 7, 1, "  罚款已于次月全额缴纳，违法行为已整改。 ", "430602********0031", AT).withId(11);
    }

    private static OwnStatement in(StatementStatus status) {
        OwnStatement s = submitted();
        return switch (status) {
            case PENDING -> s;
            case PUBLISHED -> s.publish("pingtai", AT);
            case REJECTED -> s.reject(RejectionGround.ABUSIVE, null, "pingtai", AT);
            case WITHDRAWN -> s.withdraw(AT);
            case SUPERSEDED -> s.supersede(AT);
        };
    }

    private static UnaryOperator<OwnStatement> step(String name) {
        return switch (name) {
            case "publish" -> s -> s.publish("shenhe", LATER);
            case "reject" -> s -> s.reject(RejectionGround.OTHERS_PERSONAL_DATA, "提到了他人的姓名和住址", "shenhe", LATER);
            case "withdraw" -> s -> s.withdraw(LATER);
            case "supersede" -> s -> s.supersede(LATER);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvSource({
        "PENDING,    publish,   PUBLISHED",
        "PENDING,    reject,    REJECTED",
        "PENDING,    withdraw,  WITHDRAWN",
        "PENDING,    supersede, SUPERSEDED",
        "PUBLISHED,  publish,   STATEMENT_NOT_PENDING",
        "PUBLISHED,  reject,    STATEMENT_NOT_PENDING",
        "PUBLISHED,  withdraw,  WITHDRAWN",
        "PUBLISHED,  supersede, SUPERSEDED",
        "REJECTED,   publish,   STATEMENT_NOT_PENDING",
        "REJECTED,   reject,    STATEMENT_NOT_PENDING",
        "REJECTED,   withdraw,  STATEMENT_NOT_WITHDRAWABLE",
        "REJECTED,   supersede, STATEMENT_NOT_LIVE",
        "WITHDRAWN,  publish,   STATEMENT_NOT_PENDING",
        "WITHDRAWN,  reject,    STATEMENT_NOT_PENDING",
        "WITHDRAWN,  withdraw,  STATEMENT_ALREADY_WITHDRAWN",
        "WITHDRAWN,  supersede, STATEMENT_NOT_LIVE",
        "SUPERSEDED, publish,   STATEMENT_NOT_PENDING",
        "SUPERSEDED, reject,    STATEMENT_NOT_PENDING",
        "SUPERSEDED, withdraw,  STATEMENT_SUPERSEDED",
        "SUPERSEDED, supersede, STATEMENT_NOT_LIVE",
    })
    void everyStepFromEveryStatusEndsWhereTheDiagramSaysOrIsRefusedWithItsCode(StatementStatus from, String name, String expected) {
        OwnStatement statement = in(from);
        UnaryOperator<OwnStatement> step = step(name);

        if (expected.startsWith("STATEMENT_")) {
            assertThatThrownBy(() -> step.apply(statement)).isInstanceOfSatisfying(ChengxinException.class, e -> {
                assertThat(e.code()).isEqualTo(expected);
                assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
            });
        } else {
            OwnStatement after = step.apply(statement);
            assertThat(after.status()).isEqualTo(StatementStatus.valueOf(expected));
            assertThat(after.shown()).isEqualTo(after.status() == StatementStatus.PUBLISHED);
            assertThat(after.text()).as("a step never changes the text: an edit is a new version").isEqualTo(statement.text());
        }
    }

    @Test
    void aStatementIsSubmittedUnderReviewStrippedAndNotShown() {
        OwnStatement s = submitted();

        assertThat(s.status()).isEqualTo(StatementStatus.PENDING);
        assertThat(s.text()).isEqualTo("罚款已于次月全额缴纳，违法行为已整改。");
        assertThat(s.shown()).isFalse();
        assertThat(s.flags()).isEmpty();
        assertThat(s.version()).isEqualTo(1);
    }

    @Test
    void theTextIsOneTo500Characters() {
        assertThatThrownBy(() -> OwnStatement.submit(PERSON, 7, 1, " \n ", "x", AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_TEXT_INVALID"));
        assertThatThrownBy(() -> OwnStatement.submit(PERSON, 7, 1, null, "x", AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_TEXT_INVALID"));
        assertThatThrownBy(() -> OwnStatement.submit(PERSON, 7, 1, "声".repeat(501), "x", AT)).isInstanceOfSatisfying(
                ChengxinException.class, e -> assertThat(e.code()).isEqualTo("STATEMENT_TEXT_INVALID"));
        assertThat(OwnStatement.submit(PERSON, 7, 1, "声".repeat(500), "x", AT).text()).hasSize(500);
        // 500 characters outside the basic plane are 1000 UTF-16 units, still 500 characters
        assertThat(OwnStatement.submit(PERSON, 7, 1, "𠀀".repeat(500), "x", AT).text()).hasSize(1000);
        assertThat(OwnStatement.submit(PERSON, 7, 1, "第一行\r\n第二行", "x", AT).text()).as("a multi-line text").contains("\n");
    }

    @Test
    void anIdNumberIsFlaggedForTheReviewerAndKeptMasked() {
        OwnStatement s = OwnStatement.submit(PERSON, 7, 1, "处罚的其实是张某（430602199001010031），电话13812345678", "x", AT);

        assertThat(s.flags()).containsExactlyInAnyOrder(PrecheckFlag.ID_NUMBER, PrecheckFlag.MOBILE_NUMBER);
        assertThat(s.text()).doesNotContain("430602199001010031").contains("430602********0031").contains("13812345678");
        assertThat(s.status()).as("flagged, not refused").isEqualTo(StatementStatus.PENDING);
    }

    @Test
    void aRejectionNeedsAGroundAndForOtherGroundsAReasonTheReasonAtMost200Characters() {
        OwnStatement pending = submitted();

        assertThatThrownBy(() -> pending.reject(null, "理由", "shenhe", LATER)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("STATEMENT_REJECTION_GROUND_REQUIRED"));
        assertThatThrownBy(() -> pending.reject(RejectionGround.OTHER, "  ", "shenhe", LATER)).isInstanceOfSatisfying(
                ChengxinException.class, e -> assertThat(e.code()).isEqualTo("STATEMENT_REJECTION_REASON_REQUIRED"));
        assertThatThrownBy(() -> pending.reject(RejectionGround.ABUSIVE, "理".repeat(201), "shenhe", LATER)).isInstanceOfSatisfying(
                ChengxinException.class, e -> assertThat(e.code()).isEqualTo("STATEMENT_REASON_TOO_LONG"));

        OwnStatement rejected = pending.reject(RejectionGround.NOT_ABOUT_RECORD, "内容是对邻居的投诉", "shenhe", LATER);
        assertThat(rejected.rejectionText()).isEqualTo("与该条信用记录无关：内容是对邻居的投诉");
        assertThat(rejected.reviewedBy()).isEqualTo("shenhe");
        assertThat(rejected.reviewedAt()).isEqualTo(LATER);
        assertThat(pending.reject(RejectionGround.ABUSIVE, null, "shenhe", LATER).rejectionText()).isEqualTo("含有侮辱、诽谤等不当内容");
        assertThat(pending.publish("shenhe", LATER).rejectionText()).isNull();
    }

    @Test
    void aWithdrawalOrReplacementKeepsTheVersionAndWhen() {
        OwnStatement withdrawn = in(StatementStatus.PUBLISHED).withdraw(LATER);

        assertThat(withdrawn.closedAt()).isEqualTo(LATER);
        assertThat(withdrawn.reviewedBy()).as("who published it stays on record").isEqualTo("pingtai");
        assertThat(in(StatementStatus.PENDING).supersede(LATER).closedAt()).isEqualTo(LATER);
    }
}
