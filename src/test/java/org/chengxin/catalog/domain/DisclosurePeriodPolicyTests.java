package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chengxin.catalog.domain.ItemFixture.dishonesty;
import static org.chengxin.catalog.domain.ItemFixture.ofKind;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** NDRC Order No. 36 of 2025 with the city's 3-year ceiling, severity by severity. */
class DisclosurePeriodPolicyTests {

    private static final String CEILING = "公开期限不得超过36个月（本市上限3年）";

    @ParameterizedTest(name = "{0}: {1} to {2} months")
    @CsvSource({"GENERAL, 3, 12", "GRAVE, 6, 24", "SERIOUS, 12, 36"})
    void acceptsEachSeverityAtTheEdgesOfItsBounds(Severity severity, int min, int max) {
        assertThat(problems(severity, min, max)).isEmpty();
        assertThat(problems(severity, min, min)).isEmpty();
        assertThat(problems(severity, max, max)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} to {2} months")
    @CsvSource({"GENERAL, 3, 12", "GRAVE, 6, 24", "SERIOUS, 12, 36"})
    void refusesAMinimumOneMonthShort(Severity severity, int min, int max) {
        assertThat(problems(severity, min - 1, max))
                .containsExactly(severity.label() + "失信信息的公开期限应在" + min + "至" + max + "个月之间");
    }

    @ParameterizedTest(name = "{0}: {1} to {2} months")
    @CsvSource({"GENERAL, 3, 12", "GRAVE, 6, 24", "SERIOUS, 12, 36"})
    void refusesAMaximumOneMonthLong(Severity severity, int min, int max) {
        assertThat(problems(severity, min, max + 1))
                .contains(severity.label() + "失信信息的公开期限应在" + min + "至" + max + "个月之间");
    }

    @Test
    void seriousOneMonthBeyondThreeYearsBreaksBothTheOrderAndTheCityCeiling() {
        assertThat(problems(Severity.SERIOUS, 12, 37)).containsExactlyInAnyOrder(CEILING, "严重失信信息的公开期限应在12至36个月之间");
    }

    @Test
    void minorDishonestyIsNeverPublic() {
        assertThat(DisclosurePeriodPolicy.problemsOf(dishonesty(Severity.MINOR, DisclosureScope.PUBLIC, 0, 12)))
                .containsExactly("轻微失信信息不予社会公开");
    }

    @ParameterizedTest
    @EnumSource(value = DisclosureScope.class, names = "PUBLIC", mode = EnumSource.Mode.EXCLUDE)
    void minorDishonestyMayBeKeptOutOfPublicView(DisclosureScope scope) {
        assertThat(DisclosurePeriodPolicy.problemsOf(dishonesty(Severity.MINOR, scope, 0, 12))).isEmpty();
        assertThat(DisclosurePeriodPolicy.problemsOf(dishonesty(Severity.MINOR, scope, 0, 36))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindAndSeverity")
    void everyKindIsHeldToTheCityCeiling(ItemKind kind, Severity severity) {
        Item atCeiling = item(kind, severity, 12, 36);
        Item beyond = item(kind, severity, 12, 37);

        assertThat(DisclosurePeriodPolicy.problemsOf(atCeiling)).doesNotContain(CEILING);
        assertThat(DisclosurePeriodPolicy.problemsOf(beyond)).contains(CEILING);
    }

    static Stream<Arguments> everyKindAndSeverity() {
        Stream<Arguments> others = Arrays.stream(ItemKind.values()).filter(k -> k != ItemKind.DISHONESTY)
                .map(k -> Arguments.of(k, null));
        Stream<Arguments> dishonesty = Arrays.stream(Severity.values()).map(s -> Arguments.of(ItemKind.DISHONESTY, s));
        return Stream.concat(others, dishonesty);
    }

    @ParameterizedTest
    @EnumSource(value = ItemKind.class, names = "DISHONESTY", mode = EnumSource.Mode.EXCLUDE)
    void otherKindsNeedNoSeverityAndMayUseAnyPeriodUpToTheCeiling(ItemKind kind) {
        assertThat(DisclosurePeriodPolicy.problemsOf(ofKind(kind, 0, 36))).isEmpty();
        assertThat(DisclosurePeriodPolicy.problemsOf(ofKind(kind, 0, 1))).isEmpty();
        assertThat(DisclosurePeriodPolicy.problemsOf(ofKind(kind, 0, 0))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ItemKind.class)
    void periodsMustBeOrderedAndNotNegative(ItemKind kind) {
        Severity severity = kind == ItemKind.DISHONESTY ? Severity.SERIOUS : null;
        String disorder = "公开期限不正确：最短期限不得为负，且不得长于最长期限";

        assertThat(DisclosurePeriodPolicy.problemsOf(item(kind, severity, -1, 24))).contains(disorder);
        assertThat(DisclosurePeriodPolicy.problemsOf(item(kind, severity, 24, 23))).contains(disorder);
    }

    @Test
    void dishonestyWithoutASeverityIsRefused() {
        assertThat(DisclosurePeriodPolicy.problemsOf(dishonesty(null, DisclosureScope.GOVERNMENT, 12, 36)))
                .containsExactly("失信信息必须标明严重程度");
    }

    private static List<String> problems(Severity severity, int min, int max) {
        return DisclosurePeriodPolicy.problemsOf(dishonesty(severity, DisclosureScope.PUBLIC, min, max));
    }

    private static Item item(ItemKind kind, Severity severity, int min, int max) {
        if (kind == ItemKind.DISHONESTY) {
            DisclosureScope scope = severity == Severity.MINOR ? DisclosureScope.GOVERNMENT : DisclosureScope.PUBLIC;
            return dishonesty(severity, scope, min, max);
        }
        return ofKind(kind, min, max);
    }
}
