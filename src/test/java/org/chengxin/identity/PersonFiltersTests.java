package org.chengxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** The one person filter of every staff list: what it stores, what it keeps, and the Chinese words it answers a wrong input with. */
class PersonFiltersTests {

    private static final String BODY = "43060219900101123";
    private static final String NUMBER = BODY + IdNumber.checkCharacterOf(BODY);
    private static final SubjectKey KEY = SubjectKey.fromHex("ab".repeat(32));
    private static final SubjectKey OTHER = SubjectKey.fromHex("cd".repeat(32));

    private final Citizens citizens = mock(Citizens.class);
    private final PopulationRegister register = mock(PopulationRegister.class);
    private final PersonLookups lookups = mock(PersonLookups.class);
    private final HttpSession session = new MockHttpSession();
    private PersonFilters filters;

    @BeforeEach
    void setUp() {
        filters = new PersonFilters(citizens, register, lookups, Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneId.of("Asia/Shanghai")));
        when(citizens.subjectKeyOf(any(IdNumber.class))).thenReturn(KEY);
        when(lookups.store(any(), anyList(), anyString())).thenReturn("tok-new");
        when(lookups.find(any(), eq("tok-old"))).thenReturn(Optional.of(new PersonLookups.Lookup(List.of(OTHER.hex()), "旧", Instant.MAX)));
    }

    @Test
    void aValidNumberBecomesATokenWithTheMaskedNumberAndTheSubjectForTheAudit() {
        PersonFilters.Result result = filters.byNumber(session, Map.of("idNumber", " " + NUMBER + " "));
        assertThat(result.token()).isEqualTo("tok-new");
        assertThat(result.hasError()).isFalse();
        assertThat(result.byNumber()).isEqualTo(KEY);
        assertThat(result.maskedNumber()).isEqualTo(Masking.idNumber(NUMBER)).doesNotContain(BODY);
        verify(lookups).store(session, List.of(KEY), Masking.idNumber(NUMBER));
    }

    @Test
    void numberAndNameTogetherMeanThePeopleWithBoth() {
        when(register.subjectsNamed("岳示例", PersonFilters.MAX_NAMESAKES)).thenReturn(List.of(OTHER, KEY));
        PersonFilters.Result result = filters.byNumberOrName(session, Map.of("idNumber", NUMBER, "name", "岳示例"));
        assertThat(result.label()).isEqualTo(Masking.idNumber(NUMBER) + "，姓名 " + Masking.name("岳示例"));
        verify(lookups).store(session, List.of(KEY), result.label());
    }

    @Test
    void aWrongNumberIsSaidWithoutTheNumberAndTheNameStillFilters() {
        when(register.subjectsNamed("岳示例", PersonFilters.MAX_NAMESAKES)).thenReturn(List.of(OTHER));
        PersonFilters.Result result = filters.byNumberOrName(session, Map.of("idNumber", BODY + "0", "name", "岳示例"));
        assertThat(result.error()).startsWith("身份证号码有误：").endsWith("。未按身份证号筛选。").doesNotContain(BODY);
        assertThat(result.token()).isEqualTo("tok-new");
        assertThat(result.byNumber()).isNull();
        verify(lookups).store(session, List.of(OTHER), "姓名 " + Masking.name("岳示例"));
    }

    @Test
    void aTooLongNameIsRefusedInWords() {
        PersonFilters.Result result = filters.byNumberOrName(session, Map.of("name", "岳".repeat(PersonFilters.MAX_NAME + 1)));
        assertThat(result.error()).isEqualTo("姓名过长（最多 50 个字符）。未按姓名筛选。");
        assertThat(result.token()).isNull();
        verify(register, never()).subjectsNamed(anyString(), anyInt());
    }

    @Test
    void theEarlierPersonIsKeptOnlyWhenAskedAndStillKnown() {
        Map<String, String> keep = new HashMap<>(Map.of("who", "tok-old", "keepPerson", "1"));
        assertThat(filters.byNumberOrName(session, keep).token()).isEqualTo("tok-old");
        assertThat(filters.byNumber(session, keep).token()).isEqualTo("tok-old");
        assertThat(filters.byNumberOrName(session, Map.of("who", "tok-old")).token()).as("not asked to keep").isNull();
        assertThat(filters.byNumberOrName(session, Map.of("who", "tok-gone", "keepPerson", "1")).token()).as("expired").isNull();

        keep.put("idNumber", "123");
        assertThat(filters.byNumberOrName(session, keep).token()).as("lists by number or name keep it after a wrong number")
                .isEqualTo("tok-old");
        assertThat(filters.byNumber(session, keep).token()).as("lists by number only drop it after a wrong number").isNull();
    }

    @Test
    void theNumberOnlyFilterIgnoresAName() {
        PersonFilters.Result result = filters.byNumber(session, Map.of("name", "岳示例"));
        assertThat(result.token()).isNull();
        assertThat(result.hasError()).isFalse();
        verify(register, never()).subjectsNamed(anyString(), anyInt());
    }
}
