package org.chengxin.organization;

import java.time.Instant;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.ChengxinPrincipal;

/**
 * Citizen accounts in production: a window clerk, having checked the person's identity document, has the platform
 * open the account (or issue a new code for one never activated, closed, or whose password is lost) and prints a
 * one-time activation code; or the person asks online and the code goes by SMS to the mobile number the population
 * register holds. The person sets a password with it on the public activation page, and can close the account later. Only a hash of a code is stored; a code expires, is used once, and a new code supersedes the old.
 */
public interface CitizenEnrolment {

    /** What the window sees about a person's account before issuing a code. */
    enum AccountState {
        NONE("未开户"), PENDING("已开户，待激活"), ACTIVE("已激活"), CLOSED("已注销");

        private final String label;

        AccountState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a code was issued: a first (or renewed) enrolment, or a lost password of an active account. */
    enum Purpose {
        ENROLMENT, RESET
    }

    /** A code just issued, in clear for the printed letter only: it is never stored or shown again. */
    record IssuedCode(String code, Instant expiresAt, Purpose purpose, String maskedId) {

        @Override
        public String toString() {
            return "IssuedCode[" + purpose + ", " + maskedId + ", expires " + expiresAt + "]";
        }
    }

    AccountState stateOf(IdNumber number);

    /**
     * Opens the account or renews its code, for a person at the window whose document the clerk checked: the name
     * must not contradict the population register, and the clerk must confirm the person is present.
     */
    IssuedCode issueAtWindow(IdNumber number, String name, boolean personPresent);

    /**
     * Online enrolment or password reset (网上自助开户、找回密码): when the number and the name match the population
     * register, the register holds a mobile number for the person and the account is not locked, a one-time code
     * is sent by SMS to that number (never to one typed here): a reset code for an active account, an activation
     * code otherwise. Every other case — an unknown number, a wrong name, no mobile number, a locked account — gets
     * the very same answer, so that nobody learns who is registered; requests are rate limited per number and per
     * {@code address} ({@code ACTIVATION_RATE_LIMITED}), found or not.
     */
    void requestOnline(String idNumber, String name, String address);

    /**
     * Sets the password with a code. A wrong, expired or used code, an unknown number and a locked account are
     * refused alike ({@code ACTIVATION_FAILED}); failures are rate limited per number and per {@code address}
     * ({@code ACTIVATION_RATE_LIMITED}).
     */
    void activate(String idNumber, String code, String newPassword, String address);

    /**
     * The person closes their own account, proving their password (a person who signed on through the province's
     * login and never set one proves nothing more than that login); their records stay.
     */
    void close(ChengxinPrincipal who, String password);

    /** Whether the logged-in citizen's account has a password (not one opened by single sign-on and never given one). */
    boolean hasPassword(ChengxinPrincipal who);
}
