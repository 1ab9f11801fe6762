package org.chengxin.ingestion.domain;

/** Why a row was not accepted: the row, the field concerned, a stable code and a Chinese message. */
public record Rejection(long rowNo, String field, String code, String message) {
}
