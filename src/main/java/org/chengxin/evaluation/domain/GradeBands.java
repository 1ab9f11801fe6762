package org.chengxin.evaluation.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Grade bands: the lowest points of each grade (Yueyang: AAA 1050, AA 1030, A 960, B 850, C 600,
 * D below). A policy held as configuration: the bands must rise strictly from D to AAA.
 */
public record GradeBands(int aaa, int aa, int a, int b, int c) {

    public static final GradeBands YUEYANG = new GradeBands(1050, 1030, 960, 850, 600);

    public GradeBands {
        if (!(aaa > aa && aa > a && a > b && b > c)) {
            throw new IllegalArgumentException("等级分数线须由 AAA 到 C 依次降低");
        }
    }

    public Grade gradeOf(int points) {
        if (points >= aaa) {
            return Grade.AAA;
        }
        if (points >= aa) {
            return Grade.AA;
        }
        if (points >= a) {
            return Grade.A;
        }
        if (points >= b) {
            return Grade.B;
        }
        return points >= c ? Grade.C : Grade.D;
    }

    /** The bands as people read them, e.g. AA → "1030–1049". */
    public Map<Grade, String> describe() {
        Map<Grade, String> bands = new TreeMap<>();
        bands.put(Grade.AAA, aaa + " 分及以上");
        bands.put(Grade.AA, aa + "–" + (aaa - 1) + " 分");
        bands.put(Grade.A, a + "–" + (aa - 1) + " 分");
        bands.put(Grade.B, b + "–" + (a - 1) + " 分");
        bands.put(Grade.C, c + "–" + (b - 1) + " 分");
        bands.put(Grade.D, (c - 1) + " 分及以下");
        return bands;
    }
}
