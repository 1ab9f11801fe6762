/**
 * Lists (policy 八, 十三, 十四): the serious-dishonesty list, good-credit records and the credit-agency
 * blacklist. So far the rules by which the machine proposes candidates; entries are made by a
 * reviewer's decision, never silently by the machine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "名单 lists")
package org.chengxin.lists;
