/**
 * Authorized queries and the personal public credit report (policy 八, 十二): authorizations, the three
 * kinds of query (at a window, by the person, by a department for its duties), the report itself as JSON
 * and PDF with its verification, and the query log every person can read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "授权查询与信用报告 inquiry")
package org.chengxin.inquiry;
