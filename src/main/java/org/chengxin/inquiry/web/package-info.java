/** The inquiry module's REST API and pages. */
package org.chengxin.inquiry.web;
