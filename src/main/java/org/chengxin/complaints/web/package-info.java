/** The complaints' pages: the person's, the window's and the administrator's queue. */
package org.chengxin.complaints.web;
