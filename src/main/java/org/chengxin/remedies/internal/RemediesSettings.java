package org.chengxin.remedies.internal;

import java.util.Map;
import java.util.Set;

import org.chengxin.remedies.domain.OverdueRule;
import org.chengxin.remedies.domain.RepairEligibility;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The periods and limits of objections and repair ({@code chengxin.remedies.*}), read once.
 *
 * @param objectionDays      calendar days within which an objection is answered (征信业管理条例 第二十五条: 20)
 * @param repairWorkingDays  working days within which the department decides a repair
 * @param irreparable        item codes the law excludes from repair, with the reason a person reads
 * @param localWayItems      catalog items whose records a person may name as proof of the policy's local
 *                           ways of repair (十: 志愿服务、慈善捐助)
 * @param overdueRule        what an objection not verified in time does to its record (default SUSPEND)
 */
@ConfigurationProperties("chengxin.remedies")
record RemediesSettings(int objectionDays, int repairWorkingDays, DataSize attachmentMaxSize, int attachmentsPerCase,
        Map<String, String> irreparable, Set<String> localWayItems, OverdueRule overdueRule) {

    RemediesSettings {
        if (objectionDays < 1 || repairWorkingDays < 1 || attachmentsPerCase < 1) {
            throw new IllegalStateException("chengxin.remedies 的期限和附件数至少为 1");
        }
        irreparable = irreparable == null ? Map.of() : Map.copyOf(irreparable);
        localWayItems = localWayItems == null ? Set.of() : Set.copyOf(localWayItems);
        overdueRule = overdueRule == null ? OverdueRule.SUSPEND : overdueRule;
    }

    RepairEligibility eligibility() {
        return new RepairEligibility(irreparable);
    }

    int attachmentMaxBytes() {
        return (int) Math.min(Integer.MAX_VALUE, attachmentMaxSize.toBytes());
    }
}
