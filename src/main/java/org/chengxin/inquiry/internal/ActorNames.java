package org.chengxin.inquiry.internal;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.ApiClients;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.stereotype.Component;

/** The name the query log shows for who acted: a clerk's real name, a system's registered name, 本人 for the person. */
@Component
class ActorNames {

    private final Accounts accounts;
    private final ApiClients clients;

    ActorNames(Accounts accounts, ApiClients clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    /** Null where the platform does not know a name (the log then shows the login name or client id). */
    String of(Actor actor) {
        if (actor == null || actor.role() == null) {
            return null;
        }
        if (Role.CITIZEN.name().equals(actor.role())) {
            return ReportLabels.PERSON;
        }
        String name = Role.API_CLIENT.name().equals(actor.role()) ? clients.nameOf(actor.name()).orElse(null)
                : isStaff(actor.role()) ? accounts.staffName(actor.name()).orElse(null) : null;
        return name == null ? null : UnicodeText.truncate(name, 100);
    }

    private static boolean isStaff(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return r.isStaff();
            }
        }
        // the administrator of before the separation (三员分立, V63): a staff account, now the system administrator
        return "ADMIN".equals(role);
    }
}
