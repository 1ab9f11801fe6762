package org.chengxin.shared.listing;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the total count of what the filter matches. */
public record PageResult<T>(List<T> items, long total, PageRequest request) {

    public PageResult {
        items = List.copyOf(items);
    }

    /** Pages that can be turned to (at least 1; those holding the first {@link PageRequest#MAX_ROWS} rows at most). */
    public int pages() {
        long n = Math.max(1, (total + request.size() - 1) / request.size());
        return (int) Math.min(n, PageRequest.maxPages(request.size()));
    }

    /** Whether the filter matches more rows than can be paged through: the list then asks for a narrower filter. */
    public boolean beyondReach() {
        return total > PageRequest.MAX_ROWS;
    }

    /** The current page, counting from 1. */
    public int number() {
        return request.page() + 1;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, request);
    }
}
