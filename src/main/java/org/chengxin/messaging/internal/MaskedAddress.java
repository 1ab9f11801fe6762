package org.chengxin.messaging.internal;

/** Addresses as logs may show them. */
final class MaskedAddress {

    private MaskedAddress() {
    }

    static String mobile(String mobile) {
        return mobile != null && mobile.length() == 11 ? mobile.substring(0, 3) + "****" + mobile.substring(7) : "***";
    }

    static String email(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
