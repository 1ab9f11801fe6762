package org.chengxin.identity;

import java.util.regex.Pattern;

/** Mainland mobile numbers: the form the register keeps (shown masked by {@code shared.id.Masking.mobile}). */
public final class Mobiles {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Mobiles() {
    }

    public static boolean valid(String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches();
    }

}
