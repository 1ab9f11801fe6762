package org.chengxin.measures.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.MaxChars;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint reward and punishment for department systems: the check while handling a matter (scope
 * {@code measures:check}, the department taken from the client's token) and the feedback; the public
 * measure lists.
 */
@RestController
@Tag(name = "联合奖惩", description = "办理事项时核查适用的守信激励和失信惩戒措施，并反馈实施情况")
class MeasureChecksApiController {

    private final MeasureChecks checks;
    private final MeasureLists lists;
    private final Clock clock;

    MeasureChecksApiController(MeasureChecks checks, MeasureLists lists, Clock clock) {
        this.checks = checks;
        this.lists = lists;
        this.clock = clock;
    }

    @ApiAnswers(success = 201, scopes = "measures:check")
    @PostMapping("/api/v1/measure-checks")
    @Operation(summary = "联合奖惩核查", description = "办理事项时核查当事人适用的激励和惩戒措施。号码放在请求体中（不得放入 URL）；"
            + "须写明事项编码；部门为接入客户端所属部门，请求体中的 departmentCode 如填写须与之一致。每次核查均记入审计日志，"
            + "并须在规定工作日内反馈。")
    ResponseEntity<MeasureCheck> check(@RequestBody @Validated CheckRequest request) {
        DepartmentCode department = department(request.departmentCode());
        IdNumber number = IdNumber.parse(request.idNumber(), clock);
        MeasureCheck check = checks.check(number, request.matterCode(), department);
        return ResponseEntity.created(URI.create("/api/v1/measure-checks/" + check.id())).body(check);
    }

    @ApiAnswers(scopes = "measures:check", problems = 404)
    @GetMapping("/api/v1/measure-checks/{id}")
    @Operation(summary = "查看本部门的一次核查及其反馈")
    MeasureCheck find(@PathVariable long id) {
        return checks.find(id, department(null));
    }

    @ApiAnswers(scopes = "measures:check", problems = {404, 409})
    @PostMapping("/api/v1/measure-checks/{id}/feedback")
    @Operation(summary = "反馈措施实施情况", description = "逐项说明核查结果中的措施是否实施（未实施须说明理由），以及事项办理结果和办理日期。每次核查只能反馈一次。")
    MeasureCheck feedback(@PathVariable long id, @RequestBody @Valid FeedbackRequest request) {
        List<MeasureCheck.MeasureDecision> decisions = request.measures() == null ? List.of()
                : request.measures().stream().map(m -> new MeasureCheck.MeasureDecision(m.code(), Boolean.TRUE.equals(m.applied()),
                        m.reason())).toList();
        if (request.measures() != null && request.measures().stream().anyMatch(m -> m.applied() == null)) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_INCOMPLETE", "每项措施须说明是否实施（applied: true/false）");
        }
        LocalDate handledOn;
        try {
            handledOn = request.handledOn() == null ? null : LocalDate.parse(request.handledOn());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_DATE_INVALID", "办理日期格式应为 yyyy-MM-dd");
        }
        return checks.feedback(id, department(null), decisions, request.outcome(), handledOn, request.note());
    }

    @ApiAnswers(scopes = "measures:check")
    @GetMapping("/api/v1/measure-checks/overdue")
    @Operation(summary = "本部门逾期未反馈的核查")
    List<MeasureCheck> overdue() {
        return checks.overdue(department(null));
    }

    @ApiAnswers(open = true)
    @GetMapping("/api/v1/measures")
    @Operation(summary = "现行守信激励和失信惩戒措施清单（公开）")
    MeasureList measures() {
        return lists.current();
    }

    /** The client's department; a requested code that is not it, well-formed or not, is refused as another department. */
    private static DepartmentCode department(String requested) {
        DepartmentCode own = CurrentActor.get().department();
        if (own == null) {
            throw ChengxinException.forbidden("MEASURE_DEPARTMENT_REQUIRED", "接入客户端未关联部门，不能核查");
        }
        if (requested != null && !requested.isBlank() && !requested.strip().equals(own.value())) {
            throw ChengxinException.forbidden("MEASURE_DEPARTMENT_MISMATCH", "只能以本部门（" + own + "）名义核查");
        }
        return own;
    }

    record CheckRequest(@NotNull(message = "idNumber 不能为空") @MaxChars(value = 64, message = "idNumber 过长") String idNumber,
            @MaxChars(value = 40, message = "matterCode 过长") String matterCode,
            @MaxChars(value = 32, message = "departmentCode 过长") String departmentCode) {
    }

    record FeedbackRequest(@Valid List<Decision> measures, @MaxChars(value = 500, message = "outcome 不能超过 500 个字符") String outcome,
            String handledOn, @MaxChars(value = 500, message = "note 不能超过 500 个字符") String note) {
    }

    record Decision(@MaxChars(value = 40) String code, Boolean applied, @MaxChars(value = 500, message = "reason 不能超过 500 个字符") String reason) {
    }
}
