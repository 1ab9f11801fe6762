package org.chengxin.inquiry.domain;

import java.util.Set;

/**
 * What a report may contain, by the catalog's disclosure scope of each item: public information for
 * anyone, authorized-query information only under the person's authorization, government-shared
 * information only to departments for their duties, and everything disclosable to the person. Items
 * marked not to be disclosed never appear.
 */
public enum ReportScope {
    PUBLIC("公开信息", Set.of("PUBLIC")),
    AUTHORIZED("公开信息及授权查询信息", Set.of("PUBLIC", "AUTHORIZED")),
    GOVERNMENT("政务共享信息", Set.of("PUBLIC", "AUTHORIZED", "GOVERNMENT")),
    SELF("本人可查询的全部信息", Set.of("PUBLIC", "AUTHORIZED", "GOVERNMENT"));

    private final String label;
    private final Set<String> itemScopes;

    ReportScope(String label, Set<String> itemScopes) {
        this.label = label;
        this.itemScopes = itemScopes;
    }

    public String label() {
        return label;
    }

    /** Whether an item of this disclosure scope (catalog: PUBLIC, AUTHORIZED, GOVERNMENT, NOT_DISCLOSED) may be shown. */
    public boolean includes(String itemScope) {
        return itemScopes.contains(itemScope);
    }
}
