/** The complaints' pages: the person's, the window's, the administrator's queue and the department's. */
package org.chengxin.complaints.web;
