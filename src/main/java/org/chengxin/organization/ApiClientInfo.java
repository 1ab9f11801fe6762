package org.chengxin.organization;

import java.time.Instant;
import java.util.Set;

import org.chengxin.shared.organization.DepartmentCode;

/** A registered department system (never its secret). */
public record ApiClientInfo(String clientId, String name, DepartmentCode departmentCode, Set<String> scopes, Instant registeredAt) {
}
