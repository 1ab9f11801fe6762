package org.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One version of the catalog: its items, in force from its effective date. */
public record CatalogVersion(long id, String label, LocalDate effectiveFrom, String note, Map<String, Item> items) {

    public CatalogVersion {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public Collection<Item> allItems() {
        return items.values();
    }

    public List<Item> itemsOf(String domain) {
        return items.values().stream().filter(i -> i.domain().equals(domain)).toList();
    }
}
