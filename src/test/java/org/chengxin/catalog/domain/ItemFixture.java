package org.chengxin.catalog.domain;

import java.util.List;
import java.util.Set;

/** Items that keep every catalog rule unless a test changes the one thing it is about. */
final class ItemFixture {

    static final LegalBasis FOOD_SAFETY_LAW = new LegalBasis("《中华人民共和国食品安全法》", "第一百二十三条");

    private ItemFixture() {
    }

    /** A dishonesty item of the given severity, scope and periods, pushed by the market regulator. */
    static Item dishonesty(Severity severity, DisclosureScope scope, int minMonths, int maxMonths) {
        return new Item("YY-FD-901", "测试失信信息", "FOOD_DRUG", ItemKind.DISHONESTY, severity, scope, minMonths, maxMonths,
                Set.of("scjg"), Set.of(), false, null, List.of(new ItemField("facts", "违法事实", FieldType.STRING, true)),
                FOOD_SAFETY_LAW, "");
    }

    static Item seriousDishonesty() {
        return dishonesty(Severity.SERIOUS, DisclosureScope.PUBLIC, 12, 36);
    }

    /** An item of another kind (no severity), with the given periods. */
    static Item ofKind(ItemKind kind, int minMonths, int maxMonths) {
        return new Item("YY-FD-902", "测试信息", "FOOD_DRUG", kind, null, DisclosureScope.PUBLIC, minMonths, maxMonths,
                Set.of("scjg"), Set.of(), false, null, List.of(), FOOD_SAFETY_LAW, "");
    }
}
