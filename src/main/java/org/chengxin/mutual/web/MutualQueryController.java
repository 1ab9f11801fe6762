package org.chengxin.mutual.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.chengxin.catalog.domain.Severity;
import org.chengxin.mutual.domain.CrossRegionSharing;
import org.chengxin.mutual.domain.MutualQuery;
import org.chengxin.mutual.internal.MutualQueryDesk;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.MaxChars;
import org.chengxin.standing.CreditStanding;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Another city's platform asks for a person's credit status for a duty (scope {@code mutual:query}). The number travels in
 * the body; the answer holds only what may cross a region ({@link CrossRegionSharing}).
 */
@RestController
@Tag(name = "异地信用互查", description = "其他城市信用平台为清单所列事项查询个人可跨区域共享的信用状况")
class MutualQueryController {

    private final Clock clock;
    private final MutualQueryDesk desk;

    MutualQueryController(Clock clock, MutualQueryDesk desk) {
        this.clock = clock;
        this.desk = desk;
    }

    @ApiAnswers(scopes = "mutual:query")
    @PostMapping("/api/v1/mutual/credit-status")
    @Operation(operationId = "mutualCreditStatus", summary = "异地信用互查", description = "仅向外部信用平台（其他城市）的接入客户端开放。号码、事项编码（duty，见接入指南的事项清单）、"
            + "查询用途和办件编号放在请求体中（不得放入 URL）；姓名可选，填写时须与人口基础信息一致（MUTUAL_NAME_MISMATCH）。"
            + "答复只含可跨区域共享的信息：有效期内的严重失信主体名单，以及向社会公开、在公示期内的失信信息（轻微失信除外）和优良信用记录，"
            + "异议处理中的记录加以标注；不含积分和等级。每次查询均记入审计日志和当事人的查询记录（谁查询了我）。")
    MutualStatus mutualCreditStatus(@RequestBody @Validated MutualRequest request) {
        MutualQuery query = MutualQuery.of(request.duty(), request.purpose(), request.caseNumber(), request.name());
        // an invalid number is answered by the shared problem handler, with every error's code and never the number
        IdNumber number = IdNumber.parse(request.idNumber(), clock);
        MutualQueryDesk.Answer a = desk.answer(query, number, CurrentActor.get());
        Map<DepartmentCode, String> names = a.departmentNames();
        return new MutualStatus(a.maskedId(), a.shared().asOf().toString(), query.duty().code(), query.duty().label(), query.caseNumber(),
                a.nameCheck(), a.shared().seriouslyDishonest(), a.shared().disputed(),
                a.shared().lists().stream().map(l -> new SharedListing(l.list(), l.listName(), l.departmentCode(), names.get(l.departmentCode()),
                        l.documentNumber(), l.startDate().toString(), l.endDate().toString())).toList(),
                a.shared().dishonesty().stream().map(r -> record(r, names, a.statements())).toList(),
                a.shared().goodCredit().stream().map(r -> record(r, names, a.statements())).toList(),
                CrossRegionSharing.NOTE);
    }

    private static SharedRecord record(CreditStanding.RecordInForce r, Map<DepartmentCode, String> names, Map<Long, List<String>> stated) {
        return new SharedRecord(r.itemCode(), r.itemName(), r.severity(), r.severity() == null ? null : Severity.valueOf(r.severity()).label(),
                r.departmentCode(), names.get(r.departmentCode()), r.documentNumber(), r.decisionDate().toString(), r.lastDay().toString(),
                r.disputed(), Masking.maskIdShaped(r.substance()), stated.getOrDefault(r.recordId(), List.of()));
    }

    record MutualRequest(@NotNull(message = "idNumber 不能为空") @MaxChars(value = 64, message = "idNumber 过长") String idNumber,
            @MaxChars(value = 50, message = "name 不能超过 50 个字符") String name,
            @MaxChars(value = 40, message = "duty 过长") String duty,
            @MaxChars(value = 200, message = "purpose 不能超过 200 个字符") String purpose,
            @MaxChars(value = 64, message = "caseNumber 不能超过 64 个字符") String caseNumber) {
    }

    /**
     * @param nameCheck MATCH, NOT_REGISTERED (the population register does not hold the person: the name was not checked) or
     *                  NOT_GIVEN
     */
    record MutualStatus(String idNumber, String asOf, String duty, String dutyName, String caseNumber, String nameCheck,
            boolean seriouslyDishonest, boolean disputed, List<SharedListing> lists, List<SharedRecord> dishonesty,
            List<SharedRecord> goodCredit, String note) {
    }

    record SharedListing(String list, String listName, DepartmentCode departmentCode, String departmentName, String documentNumber,
            String startDate, String endDate) {
    }

    /** A record shared across regions, with the person's published statements (本人声明) about it. */
    record SharedRecord(String itemCode, String itemName, String severity, String severityLabel, DepartmentCode departmentCode,
            String departmentName, String documentNumber, String decisionDate, String lastDay, boolean disputed, String substance,
            List<String> statements) {
    }
}
