package org.chengxin.shared.listing;

import java.util.List;

/**
 * One page of a list as asked for: the page (from 0), its size (20, 50 or 100 only) and a sort on a whitelisted
 * column. Built with {@link #of}, which turns anything a request may carry (a negative page, a size of 10,000, a
 * column not in the whitelist) into the nearest allowed value.
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

    public static final List<Integer> SIZES = List.of(20, 50, 100);
    public static final int DEFAULT_SIZE = 20;
    /**
     * The rows a list can be paged through, whatever the page size (5,000 pages of 20, 1,000 of 100): a deeper page
     * makes the database read and skip every row before it (at the city's scale a department holds 1.5 million records,
     * and a page at row 500,000 took about 340 ms, over the 300 ms the lists are held to, against about 70 ms at row
     * 100,000). Past them the list asks for a narrower filter, and the export gives everything.
     */
    public static final int MAX_ROWS = 100_000;

    public PageRequest {
        if (page < 0 || !SIZES.contains(size) || sort == null) {
            throw new IllegalArgumentException("use PageRequest.of");
        }
    }

    /** A request from untrusted parameters; {@code page} counts from 1 as people do, null values take the defaults. */
    public static PageRequest of(Integer page, Integer size, String sort, String direction, SortColumns columns) {
        int s = size != null && SIZES.contains(size) ? size : DEFAULT_SIZE;
        int p = page == null ? 0 : Math.min(Math.max(page - 1, 0), maxPages(s) - 1);
        boolean allowed = columns.allows(sort);
        String key = allowed ? sort : columns.defaultKey();
        boolean desc = allowed ? "desc".equalsIgnoreCase(direction) : columns.defaultDescending();
        return new PageRequest(p, s, key, desc);
    }

    /** The pages of this size that hold the first {@link #MAX_ROWS} rows. */
    public static int maxPages(int size) {
        return MAX_ROWS / size;
    }

    public long offset() {
        return (long) page * size;
    }

    /** {@code order by} text: the whitelisted expression, its direction, and a tie-breaker so pages never overlap. */
    public String orderBy(SortColumns columns, String tieBreaker) {
        String dir = descending ? " desc" : " asc";
        return columns.sql(sort) + dir + ", " + tieBreaker + dir;
    }

    public PageRequest withPage(int newPage) {
        return new PageRequest(Math.max(newPage, 0), size, sort, descending);
    }
}
