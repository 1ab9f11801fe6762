package org.chengxin.remedies;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * Credit repair (信用修复): a person applies for a dishonesty record whose minimum disclosure period has
 * passed, the department that formed it decides (谁认定谁修复); a granted repair takes the record out
 * of every output and use.
 */
public interface Repairs {

    /** For each of the person's dishonesty records in force: from when repair can be asked, or why never. */
    List<Eligibility> eligibilityOf(CitizenRef person);

    RepairApplication apply(CitizenRef person, long recordId, String fulfilment, String localWays, Commitment commitment,
            List<Upload> files);

    RepairApplication applyAtWindow(CitizenRef person, boolean personPresent, long recordId, String fulfilment, String localWays,
            Commitment commitment, List<Upload> files);

    List<RepairApplication> ofPerson(CitizenRef person);

    Optional<RepairApplication> ofPerson(CitizenRef person, long id);

    RepairApplication withdraw(CitizenRef person, long id);

    List<RepairApplication> ofDepartment(DepartmentCode departmentCode, boolean openOnly);

    Optional<RepairApplication> ofDepartment(DepartmentCode departmentCode, long id);

    RepairApplication decide(DepartmentCode departmentCode, long id, boolean grant, String reasons);

    List<RepairApplication> overdue();

    int escalateOverdue();

    List<Attachment> attachmentsOf(long repairId);

    /**
     * One dishonesty record and the repair rule's answer for it today.
     *
     * @param earliestDay the first day an application is taken
     * @param lawReason   set when the law excludes the record from repair
     * @param openCase    an application is being decided
     */
    record Eligibility(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            LocalDate earliestDay, String lawReason, boolean openToday, boolean openCase) {
    }
}
