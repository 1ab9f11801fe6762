/** The measures module's REST API and pages. */
package org.chengxin.measures.web;
