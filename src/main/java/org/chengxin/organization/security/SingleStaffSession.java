package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * One active session per staff account: a completed login ends the account's other sessions (found through Spring
 * Session's index by principal name), each end written to the audit trail.
 */
@Component
class SingleStaffSession {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SingleStaffSession(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** Ends every session of the staff member but the one with {@code keptSessionId}; returns how many ended. */
    int endOthers(StaffPrincipal staff, String keptSessionId) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        Map<String, ? extends Session> found = repository.findByPrincipalName(staff.getUsername());
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keptSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            events.publishEvent(AuditEvent.of(new Actor(staff.displayName(), staff.role().name(), staff.departmentCode()),
                    Instant.now(clock), "auth.session-replaced", null, null, AuditOutcome.SUCCESS,
                    "新的登录结束了该账号的其他会话（" + ended + " 个）：每个工作人员账号同时只有一个有效会话"));
        }
        return ended;
    }
}
