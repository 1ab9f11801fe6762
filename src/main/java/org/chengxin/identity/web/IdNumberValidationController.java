package org.chengxin.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.text.MaxChars;
import org.chengxin.identity.Citizens;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.id.IdNumberError;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Lets a department system pre-check an ID number before it pushes records about the person. */
@RestController
@Tag(name = "身份核验", description = "公民身份号码校验")
class IdNumberValidationController {

    private final Clock clock;
    private final Citizens citizens;
    private final ApplicationEventPublisher events;

    IdNumberValidationController(Clock clock, Citizens citizens, ApplicationEventPublisher events) {
        this.clock = clock;
        this.citizens = citizens;
        this.events = events;
    }

    @ApiAnswers(scopes = {"identity:validate", "records:write"})
    @PostMapping("/api/v1/identity/validations")
    @Operation(summary = "校验公民身份号码", description = "号码放在请求体中（不得放入 URL）。返回规范化后的号码（脱敏）、是否有效、派生信息及错误/警告。")
    ValidationResponse validate(@RequestBody @Validated ValidationRequest request) {
        IdNumberCheck check = IdNumber.check(request.idNumber(), clock);
        IdNumber number = check.number();
        // a department system's use of a person's number: recorded under the person's blind index
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "identity.validation",
                number == null ? null : citizens.subjectKeyOf(number), "报送前核验身份证号码",
                AuditOutcome.SUCCESS, check.valid() ? "号码有效" : "号码无效：" + check.errors().get(0).code()));
        return new ValidationResponse(
                check.maskedInput(),
                check.valid(),
                number == null ? null : number.kind().name(),
                number == null ? null : number.kind().label(),
                number == null ? null : number.birthDate(),
                number == null ? null : (number.sex() == 'M' ? "男" : "女"),
                number == null ? null : new Region(number.regionCode(), number.regionName()),
                findings(check.errors()),
                findings(check.warnings()));
    }

    private static List<Finding> findings(List<IdNumberError> errors) {
        return errors.stream().map(e -> new Finding(e.code(), e.message())).toList();
    }

    record ValidationRequest(@NotNull(message = "idNumber 不能为空") @MaxChars(value = 64, message = "idNumber 过长") String idNumber) {
    }

    record ValidationResponse(String normalized, boolean valid, String kind, String kindLabel, LocalDate birthDate,
            String sex, Region region, List<Finding> errors, List<Finding> warnings) {
    }

    record Region(String code, String name) {
    }

    record Finding(String code, String message) {
    }
}
