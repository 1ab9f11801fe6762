/** The push API and the data officer's pages. */
package org.chengxin.ingestion.web;
