/**
 * Exchange with the platforms above the city (issue 18, policy 十一): what the city may share upstream (信用湖南,
 * 信用中国) — the 双公示 licensing and penalty decisions in the national formats, the serious-dishonesty list entries
 * added and ended, the answers to objections and repair applications — as a change feed, each change once, with a stable
 * identifier and a change kind, pulled through {@code /api/v1/exchange/changes} (scope {@code exchange:read}, cursor
 * paged, resumable after any failure) and exported per day as files (CSV in GBK or UTF-8 and XLSX, a manifest and SHA-256
 * sums) into the directory a 前置机 collects. Every delivery is logged and can be sent again; what may no longer be shared
 * is delivered as withdrawn, never with its content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用信息交换 exchange",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "records", "lists", "remedies" })
package org.chengxin.exchange;
