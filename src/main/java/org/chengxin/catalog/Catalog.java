package org.chengxin.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.KeyGroup;

/** The catalog module's API. Reads are served from memory: ingestion asks for every row. */
public interface Catalog {

    /** The version in force today. */
    CatalogVersion current();

    /** The version in force on a day (the newest whose effective date is not after it). */
    Optional<CatalogVersion> inForceOn(LocalDate day);

    List<CatalogVersion> versions();

    List<Domain> domains();

    List<KeyGroup> groups();

    /** The item in force today with this code. */
    default Optional<Item> item(String code) {
        return current().item(code);
    }

    /**
     * Publishes a new version made of the current items with this one added or replaced, in force
     * from the given day. Refused (CATALOG_INVALID) when the item breaks a catalog rule.
     */
    CatalogVersion publishItem(Item item, LocalDate effectiveFrom, String note);
}
