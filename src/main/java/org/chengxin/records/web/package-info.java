/** The records module's API endpoints and pages. */
package org.chengxin.records.web;
