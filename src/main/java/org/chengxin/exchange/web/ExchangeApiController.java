package org.chengxin.exchange.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.exchange.domain.DeliveredChange;
import org.chengxin.exchange.internal.ChangeFeed;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed for the platform above the city (scope {@code exchange:read}, only an external platform's system
 * holds it). No personal data travels in the address: the cursor is a position, the numbers are in the body.
 */
@RestController
@Tag(name = "信用信息交换", description = "上级信用平台按游标读取本市可共享的变更（双公示、严重失信主体名单、异议和信用修复结果）")
class ExchangeApiController {

    private final ChangeFeed feed;

    ExchangeApiController(ChangeFeed feed) {
        this.feed = feed;
    }

    @ApiAnswers(scopes = "exchange:read", problems = 409)
    @GetMapping("/api/v1/exchange/changes")
    @Operation(operationId = "exchangeChanges", summary = "读取变更（游标分页）",
            description = "按交换序号（position）顺序返回上次游标之后的变更，每条只出现一次：唯一标识（id，同一事项的各次变更相同）、变更类型（NEW 新增、"
                    + "CORRECTED 更正、REVOKED 撤销、REPAIRED 信用修复、EXPIRED 公示期满）、撤回标志和按国家标准字段（XK_*、CF_*、MD_*、YY_*、XF_*）"
                    + "给出的内容。内容按交付时的现状给出；已不得共享的事项以撤回（withdrawn=true）交付，不含姓名、身份证号和内容。"
                    + "用应答中的 next 作为下次请求的 cursor；任何失败后用上次成功取得的 next 重新请求即可，不丢不重。不带 cursor 从现存最早的变更读起。"
                    + "每次交付都记入交付日志，下一次以不早于该页末尾的游标请求即视为确认收到。"
                    + "错误：EXCHANGE_CURSOR_INVALID（游标无法识别）、EXCHANGE_CURSOR_FOREIGN（其他客户端的游标，403）、"
                    + "EXCHANGE_CURSOR_EXPIRED（游标之后的变更已超过保留期限被清理，409）。")
    ChangesResponse changes(
            @Parameter(description = "上次应答中的 next；首次读取不带") @RequestParam(required = false) String cursor,
            @Parameter(description = "每页条数，1 至 1000，默认 200") @RequestParam(required = false, defaultValue = "200") int limit) {
        ChangeFeed.Page page = feed.read(CurrentActor.get(), cursor, limit);
        return new ChangesResponse(page.changes().stream().map(ExchangeApiController::of).toList(), page.next(), page.more());
    }

    private static Change of(DeliveredChange c) {
        Map<String, String> fields = new LinkedHashMap<>();
        c.fields().forEach((k, v) -> {
            if (v != null) {
                fields.put(k, v);
            }
        });
        return new Change(c.position(), c.identifier(), c.shared().name(), c.shared().label(), c.change().name(), c.change().label(),
                c.withdrawn(), c.occurredAt().toString(), fields);
    }

    /** A page of the feed. */
    record ChangesResponse(List<Change> changes, String next, boolean more) {
    }

    /**
     * One change: {@code kind} is LICENCE, PENALTY, LIST_ENTRY, OBJECTION or REPAIR; {@code fields} the national columns
     * (a column without a value is left out).
     */
    record Change(long position, String id, String kind, String kindLabel, String change, String changeLabel, boolean withdrawn,
            String occurredAt, Map<String, String> fields) {
    }
}
