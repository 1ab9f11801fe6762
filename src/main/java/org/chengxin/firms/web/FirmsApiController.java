package org.chengxin.firms.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.firms.FirmRecord;
import org.chengxin.firms.FirmRecords;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A department's system reads a firm's records, and revokes one it pushed with the persons' records it names. */
@RestController
@Tag(name = "法人记录", description = "法人和其他组织的信用记录及其法定代表人、直接责任人（议题18第3项）")
class FirmsApiController {

    private static final int MAX_REASON = 400;

    private final FirmRecords firms;
    private final Clock clock;

    FirmsApiController(FirmRecords firms, Clock clock) {
        this.firms = firms;
        this.clock = clock;
    }

    @ApiAnswers(scopes = {"records:write", "measures:check"}, problems = {404})
    @GetMapping("/api/v1/firms/{uscc}/records")
    @Operation(summary = "查询法人和其他组织的信用记录", description = "按统一社会信用代码（GB 32100）查询；统一社会信用代码不是个人信息，可以放在路径中。"
            + "返回该单位的全部记录（含已撤销和已过公示期的，并注明是否有效），以及每条记录关联的责任人记录的来源编号和身份（不含个人信息）。")
    FirmAnswer firmRecords(@PathVariable String uscc) {
        Uscc code = code(uscc);
        var firm = firms.firm(code).orElseThrow(() -> ChengxinException.notFound("FIRM_NOT_FOUND", "平台没有该统一社会信用代码的单位的记录"));
        LocalDate today = LocalDate.now(clock);
        return new FirmAnswer(firm.uscc().value(), firm.name(), firm.regionCode(),
                firms.ofFirm(code).stream().map(r -> FirmRecordView.of(r, today)).toList());
    }

    @ApiAnswers(scopes = "records:write", problems = {404})
    @PostMapping("/api/v1/firm-records/revocation")
    @Operation(summary = "按本部门的来源编号撤销一条法人记录", description = "请求体 {\"sourceId\":\"…\",\"reason\":\"…\"}：撤销该法人记录，"
            + "并在同一事务中撤销由它产生的法定代表人、直接责任人的记录。已撤销的再次撤销不变。")
    FirmRecordView revokeFirmRecord(@RequestBody RevocationRequest request) {
        DepartmentCode department = CurrentActor.get().department();
        if (department == null) {
            throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门可以撤销其报送的记录");
        }
        if (request == null || request.reason() == null || request.reason().isBlank() || request.reason().strip().length() > MAX_REASON) {
            throw ChengxinException.badRequest("REVOCATION_REASON_REQUIRED", "撤销必须说明理由（不超过" + MAX_REASON + "字）");
        }
        String source = request.sourceId() == null ? "" : request.sourceId().strip();
        FirmRecord r = firms.revokeBySource(department, source, request.reason().strip())
                .orElseThrow(() -> ChengxinException.notFound("FIRM_RECORD_NOT_FOUND", "本部门没有该来源编号的法人记录"));
        return FirmRecordView.of(r, LocalDate.now(clock));
    }

    static Uscc code(String raw) {
        var error = Uscc.check(raw);
        if (error.isPresent()) {
            throw ChengxinException.badRequest(error.get().code(), error.get().message());
        }
        return Uscc.of(raw);
    }

    record RevocationRequest(String sourceId, String reason) {
    }

    record FirmAnswer(String uscc, String name, String regionCode, List<FirmRecordView> records) {
    }

    /** A firm's record as the API shows it; the persons by role and their records' source ids, never by name or number. */
    record FirmRecordView(long id, String itemCode, String departmentCode, String sourceId, LocalDate decisionDate,
            String documentNumber, Map<String, String> content, String status, boolean inForce, LocalDate expiresOn,
            int version, Map<String, String> responsiblePersons) {

        static FirmRecordView of(FirmRecord r, LocalDate today) {
            Map<String, String> persons = new LinkedHashMap<>();
            for (ResponsibleRole role : ResponsibleRole.values()) {
                if (r.personSources().containsKey(role)) {
                    persons.put(role.name(), r.personSources().get(role));
                }
            }
            return new FirmRecordView(r.id(), r.itemCode(), r.departmentCode().value(), r.sourceId(), r.decisionDate(),
                    r.documentNumber(), r.content(), r.status(), r.inForceOn(today), r.expiresOn(), r.version(), persons);
        }
    }
}
