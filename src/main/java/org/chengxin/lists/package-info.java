/**
 * Lists (policy 八, 十三, 十四): the serious-dishonesty list, good-credit records and the credit-agency
 * blacklist. So far the rules by which the machine proposes candidates; entries are made by a
 * reviewer's decision, never silently by the machine. Lists sit beside the evaluation, not above it: a
 * person's standing, which needs both, is the {@code standing} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "名单 lists",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "records" })
package org.chengxin.lists;
