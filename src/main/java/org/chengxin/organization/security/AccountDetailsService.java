package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * One login form for everybody: a valid citizen ID number logs a citizen in (found through the
 * blind index), anything else is a staff user name. A city single sign-on (OpenID Connect) can
 * later map its identity claim to the same two lookups.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final Clock clock;

    AccountDetailsService(JdbcClient jdbc, Citizens citizens, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String input) {
        Optional<IdNumber> idNumber = citizenIdIn(input);
        Optional<? extends UserDetails> found = idNumber.isPresent()
                ? citizen(citizens.subjectKeyOf(idNumber.get()))
                : staff(input.trim().toLowerCase(Locale.ROOT));
        return found.orElseThrow(() -> new UsernameNotFoundException("账号或密码错误"));
    }

    Optional<IdNumber> citizenIdIn(String input) {
        IdNumberCheck check = IdNumber.check(input, clock);
        return check.idNumber();
    }

    private Optional<StaffPrincipal> staff(String username) {
        return jdbc.sql("select * from organization_staff_account where username = :u").param("u", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        DepartmentCode.of(rs.getString("department_code")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        isLocked(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional();
    }

    private Optional<CitizenPrincipal> citizen(SubjectKey subject) {
        // an account opened at a window but not activated yet, or closed by the person, cannot log in: answered as unknown
        return jdbc.sql("select * from organization_citizen_account where blind_index = :i and status = 'ACTIVE'")
                .param("i", subject.bytes())
                .query((rs, n) -> new CitizenPrincipal(rs.getLong("id"), rs.getLong("subject_id"),
                        rs.getString("masked_id"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        isLocked(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional();
    }

    private boolean isLocked(OffsetDateTime lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now(clock));
    }
}
