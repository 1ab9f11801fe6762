/**
 * The tools every staff list shares: a page request (page number, a page size of 20, 50 or 100, a sort on a
 * whitelisted column only), a page of results with its total, and the links of a listing (numbered pages,
 * sortable headers, page sizes) that keep the list's filter. The fragment {@code templates/listing.html} draws them.
 */
package org.chengxin.shared.listing;
