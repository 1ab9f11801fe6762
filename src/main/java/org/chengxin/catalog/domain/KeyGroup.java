package org.chengxin.catalog.domain;

/** A key group of the policy (公务员 … 社会救助受助人群). */
public record KeyGroup(String code, String name) {
}
