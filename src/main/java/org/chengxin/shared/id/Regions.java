package org.chengxin.shared.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GB/T 2260 administrative-division table shipped with the platform. Province-level codes are
 * fixed by the standard; county codes change over time, so a county the table does not know is a
 * warning for the caller, never a reason to reject a number.
 */
public final class Regions {

    private static final String TABLE = "/identity/gb2260-regions.tsv";
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final Map<String, String> NAMES = load();

    private Regions() {
    }

    /** Whether the first two digits name a province-level division (including 83 for Taiwan permits). */
    public static boolean isProvince(String twoDigits) {
        return PROVINCES.contains(twoDigits);
    }

    /** The name of exactly this code, if the table knows it. */
    public static Optional<String> nameOf(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /** Whether the table knows this six-digit code. */
    public static boolean knows(String code) {
        return NAMES.containsKey(code);
    }

    /**
     * The full name of a six-digit code, built from its province, prefecture and county
     * (湖南省岳阳市岳阳楼区); levels the table does not know are left out.
     */
    public static String fullName(String code) {
        String province = NAMES.getOrDefault(code.substring(0, 2) + "0000", "");
        if (code.endsWith("0000")) {
            return province;
        }
        String prefecture = NAMES.getOrDefault(code.substring(0, 4) + "00", "");
        if ("市辖区".equals(prefecture) || "县".equals(prefecture)) {
            prefecture = "";
        }
        if (code.endsWith("00")) {
            return province + prefecture;
        }
        String county = NAMES.getOrDefault(code, "");
        if (county.startsWith(prefecture)) {
            prefecture = "";
        }
        return province + prefecture + county;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>(4096);
        try (InputStream in = Regions.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("缺少行政区划代码表 " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                names.put(line.substring(0, tab), line.substring(tab + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
