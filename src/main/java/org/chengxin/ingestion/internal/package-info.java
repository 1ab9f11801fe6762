/** Readers of the accepted formats, the batch processor and its storage. */
package org.chengxin.ingestion.internal;
