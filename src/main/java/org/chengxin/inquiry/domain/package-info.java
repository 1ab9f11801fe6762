/** The rules of queries and reports in plain Java: scopes, authorizations, refusals, review flags. */
package org.chengxin.inquiry.domain;
