package org.chengxin.ingestion;

/** The formats a push can come in. */
public enum BatchFormat {
    JSON, JSONL, CSV, XLSX
}
