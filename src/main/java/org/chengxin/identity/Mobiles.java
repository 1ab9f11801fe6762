package org.chengxin.identity;

import java.util.regex.Pattern;

/** Mainland mobile numbers: the form the register keeps, and how one is shown (138****1234). */
public final class Mobiles {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Mobiles() {
    }

    public static boolean valid(String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches();
    }

    /** The first three and last four digits; anything not a mobile number is shown as stars only. */
    public static String masked(String mobile) {
        return valid(mobile) ? mobile.substring(0, 3) + "****" + mobile.substring(7) : "***********";
    }
}
