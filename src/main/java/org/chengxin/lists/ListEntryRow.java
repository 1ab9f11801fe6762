package org.chengxin.lists;

import java.util.List;

/**
 * A list entry as a row of the reviewer's list: the entry, the person's subject id in identity (0 when unknown; for the
 * masked number and name) and the catalog items of its records.
 */
public record ListEntryRow(ListEntry entry, long subjectId, List<String> itemCodes) {
}
