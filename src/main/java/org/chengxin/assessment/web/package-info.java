/** The assessment pages, their chart options as JSON, the XLSX export and the access rules. */
package org.chengxin.assessment.web;
