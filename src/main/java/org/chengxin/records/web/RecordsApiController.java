package org.chengxin.records.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A department revokes a record it pushed, with a reason. */
@RestController
@Tag(name = "信用记录报送")
class RecordsApiController {

    private final Records records;

    RecordsApiController(Records records) {
        this.records = records;
    }

    @ApiAnswers(scopes = "records:write", problems = {404, 409})
    @PostMapping("/api/v1/records/{id}/revocation")
    @Operation(summary = "按平台记录编号撤销一条本部门报送的记录", description = "须说明理由；撤销后该记录不再公开和使用，同一来源编号不能再次报送。")
    RevocationResponse revoke(@PathVariable long id, @RequestBody RevocationRequest request) {
        CreditRecord r = records.revoke(id, department(), request.reason());
        return new RevocationResponse(r.id(), r.sourceId(), r.status().name(), r.status().label());
    }

    @ApiAnswers(scopes = "records:write", problems = {404, 409})
    @PostMapping("/api/v1/records/revocation")
    @Operation(summary = "按本部门的来源编号撤销记录", description = "请求体 {\"sourceId\":\"…\",\"reason\":\"…\"}：部门系统用自己的编号撤销，无需知道平台的记录编号。")
    RevocationResponse revokeBySource(@RequestBody RevocationRequest request) {
        CreditRecord r = records.revokeBySource(department(), request.sourceId(), request.reason());
        return new RevocationResponse(r.id(), r.sourceId(), r.status().name(), r.status().label());
    }

    private static DepartmentCode department() {
        DepartmentCode department = CurrentActor.get().department();
        if (department == null) {
            throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门可以撤销其报送的记录");
        }
        return department;
    }

    record RevocationRequest(String sourceId, String reason) {
    }

    record RevocationResponse(long id, String sourceId, String status, String statusLabel) {
    }
}
