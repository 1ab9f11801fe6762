package org.chengxin.organization;

import java.time.Instant;
import java.util.Set;

/** A registered department system (never its secret). */
public record ApiClientInfo(String clientId, String name, String departmentCode, Set<String> scopes, Instant registeredAt) {
}
