package org.chengxin.organization.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For department integrators: which client, department and scopes the platform sees in a token. Read
 * from the token alone, without the database, so it also answers while a connection is being set up.
 */
@RestController
@Tag(name = "接入调试", description = "核对访问令牌：客户端、所属部门和授权范围")
class WhoAmIApiController {

    record WhoAmI(String clientId, String department, List<String> scopes, Instant expiresAt) {
    }

    @ApiAnswers(scopes = {"identity:validate", "measures:check", "records:write", "remedies:decide", "reports:read"})
    @GetMapping("/api/v1/whoami")
    @Operation(summary = "当前访问令牌的客户端、部门和授权范围", description = "仅读取令牌本身，不查询数据库；供接入部门调试对接。")
    WhoAmI whoami(@AuthenticationPrincipal Jwt jwt) {
        List<String> scopes = jwt.getClaimAsStringList("scope");
        return new WhoAmI(jwt.getSubject(), jwt.getClaimAsString(CurrentActor.DEPARTMENT_CLAIM),
                scopes == null ? List.of() : scopes.stream().sorted().toList(), jwt.getExpiresAt());
    }
}
