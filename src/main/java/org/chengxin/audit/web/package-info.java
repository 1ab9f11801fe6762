/** The auditor's pages of the audit trail. */
package org.chengxin.audit.web;
