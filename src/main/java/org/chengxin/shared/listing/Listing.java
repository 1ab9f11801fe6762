package org.chengxin.shared.listing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list as the fragment {@code listing.html} draws it: the total, numbered pages, the page sizes and the
 * sortable headers, each link carrying the list's filter ({@code filter}: parameter name to value, never a person's
 * ID number or name; those stay behind a short-lived token). Links are relative to the application (use them in
 * {@code @{...}}).
 */
public final class Listing<T> {

    private final PageResult<T> result;
    private final String path;
    private final Map<String, String> filter;

    private Listing(PageResult<T> result, String path, Map<String, String> filter) {
        this.result = result;
        this.path = path;
        Map<String, String> kept = new LinkedHashMap<>();
        filter.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        this.filter = Collections.unmodifiableMap(kept);
    }

    public static <T> Listing<T> of(PageResult<T> result, String path, Map<String, String> filter) {
        return new Listing<>(result, path, filter);
    }

    public List<T> getItems() {
        return result.items();
    }

    public long getTotal() {
        return result.total();
    }

    public int getPages() {
        return result.pages();
    }

    /** Whether more rows match than can be paged through ({@link PageRequest#MAX_ROWS}). */
    public boolean isBeyondReach() {
        return result.beyondReach();
    }

    public int getReachableRows() {
        return PageRequest.MAX_ROWS;
    }

    /** The current page, from 1. */
    public int getNumber() {
        return result.number();
    }

    public int getSize() {
        return result.request().size();
    }

    public List<Integer> getSizes() {
        return PageRequest.SIZES;
    }

    /** The first row shown, counting from 1 (0 when the list is empty). */
    public long getFirstRow() {
        return result.total() == 0 ? 0 : result.request().offset() + 1;
    }

    public long getLastRow() {
        return result.request().offset() + result.items().size();
    }

    /** The filter the links keep (without page, size and sort). */
    public Map<String, String> getFilter() {
        return filter;
    }

    /** The filter plus the sort: the hidden fields of the page-size form. */
    public Map<String, String> getKept() {
        Map<String, String> kept = new LinkedHashMap<>(filter);
        kept.put("sort", result.request().sort());
        kept.put("dir", result.request().descending() ? "desc" : "asc");
        return kept;
    }

    /** Page numbers to show around the current one, with null for a gap (…): 1 … 4 5 [6] 7 8 … 40. */
    public List<Integer> getPageItems() {
        int current = getNumber();
        int last = getPages();
        List<Integer> items = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - current) <= 2) {
                items.add(n);
            } else if (!items.isEmpty() && items.get(items.size() - 1) != null) {
                items.add(null);
            }
        }
        return items;
    }

    public boolean isFirst() {
        return getNumber() <= 1;
    }

    public boolean isLast() {
        return getNumber() >= getPages();
    }

    public String pageUrl(int number) {
        return url(number, result.request().size(), result.request().sort(), result.request().descending());
    }

    /** The header link of a column: the same column turns its direction round, another starts descending. */
    public String sortUrl(String key) {
        boolean desc = !key.equals(result.request().sort()) || !result.request().descending();
        return url(1, result.request().size(), key, desc);
    }

    public boolean sortedBy(String key) {
        return key.equals(result.request().sort());
    }

    /** ▲ or ▼ on the sorted column, nothing on the others. */
    public String sortMark(String key) {
        return sortedBy(key) ? (result.request().descending() ? "▼" : "▲") : "";
    }

    /** The aria-sort value of a column header. */
    public String ariaSort(String key) {
        return sortedBy(key) ? (result.request().descending() ? "descending" : "ascending") : "none";
    }

    /** The same list (filter and sort) at another address, e.g. its export. */
    public String urlOf(String otherPath) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(otherPath);
        getKept().forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    private String url(int page, int size, String sort, boolean desc) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filter.forEach(b::queryParam);
        b.queryParam("sort", sort).queryParam("dir", desc ? "desc" : "asc").queryParam("size", size);
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
