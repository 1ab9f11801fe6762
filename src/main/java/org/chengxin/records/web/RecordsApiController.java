package org.chengxin.records.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.validation.annotation.Validated;
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

    @PostMapping("/api/v1/records/{id}/revocation")
    @Operation(summary = "撤销一条本部门报送的记录", description = "须说明理由；撤销后该记录不再公开和使用，同一来源编号不能再次报送。")
    RevocationResponse revoke(@PathVariable long id, @RequestBody @Validated RevocationRequest request) {
        String department = CurrentActor.get().department();
        if (department == null) {
            throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门可以撤销其报送的记录");
        }
        CreditRecord r = records.revoke(id, department, request.reason());
        return new RevocationResponse(r.id(), r.status().name(), r.status().label());
    }

    record RevocationRequest(@NotBlank(message = "撤销理由不能为空") @Size(max = 500, message = "撤销理由不超过500字") String reason) {
    }

    record RevocationResponse(long id, String status, String statusLabel) {
    }
}
