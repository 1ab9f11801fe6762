package org.chengxin.shared.security;

/** Who did something, as the audit trail records it. */
public record Actor(String name, String role, String department) {

    public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);
    public static final Actor ANONYMOUS = new Actor("anonymous", "ANONYMOUS", null);
}
