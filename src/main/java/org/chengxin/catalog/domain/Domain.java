package org.chengxin.catalog.domain;

/** A key domain of the policy (食品药品 …), or education and general administration. */
public record Domain(String code, String name) {
}
