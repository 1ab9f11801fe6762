package org.chengxin.organization;

import java.util.List;

/**
 * Staff's second factor (TOTP, RFC 6238) as other modules see it: whether an account has one, and, for the demo
 * data and tests, an enrolment with a secret given rather than drawn.
 */
public interface SecondFactors {

    boolean enrolled(String username);

    /** Enrols the account with this Base32 secret; returns the new recovery codes. */
    List<String> enrolWithSecret(String username, String base32Secret);
}
