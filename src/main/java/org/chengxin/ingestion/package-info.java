/**
 * Receiving departments' pushes (JSON, JSON Lines, CSV, XLSX, and the national 双公示 format),
 * checking every row against the catalog, the identity rules and the population register, and
 * reporting each rejected row with a stable code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "归集 ingestion")
package org.chengxin.ingestion;
