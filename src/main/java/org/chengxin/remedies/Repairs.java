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

    /**
     * The person's own records that may be named as proof of the policy's local ways of repair (十:
     * 志愿服务、慈善捐助), newest first: records in force of the configured items.
     */
    List<ProofRecord> localWayRecordsOf(CitizenRef person);

    /** The records the person named as proof when applying, as the deciding department reads them. */
    List<ProofRecord> proofRecordsOf(long repairId);

    default RepairApplication apply(CitizenRef person, long recordId, String fulfilment, String localWays, Commitment commitment,
            List<Upload> files) {
        return apply(person, recordId, fulfilment, localWays, commitment, files, List.of());
    }

    /** Applies online, naming {@code proofRecords} among {@link #localWayRecordsOf}; any other record is refused. */
    RepairApplication apply(CitizenRef person, long recordId, String fulfilment, String localWays, Commitment commitment,
            List<Upload> files, List<Long> proofRecords);

    default RepairApplication applyAtWindow(CitizenRef person, boolean personPresent, long recordId, String fulfilment,
            String localWays, Commitment commitment, List<Upload> files) {
        return applyAtWindow(person, personPresent, recordId, fulfilment, localWays, commitment, files, List.of());
    }

    RepairApplication applyAtWindow(CitizenRef person, boolean personPresent, long recordId, String fulfilment, String localWays,
            Commitment commitment, List<Upload> files, List<Long> proofRecords);

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
     * A volunteer-service or charity-donation record named as proof of a local way of repair.
     *
     * @param summary the record's fields with their labels, as one line
     */
    record ProofRecord(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            String summary) {
    }

    /**
     * One dishonesty record and the repair rule's answer for it today.
     *
     * @param earliestDay the first day an application is taken
     * @param lawReason   set when the law excludes the record from repair
     * @param openCase    an application is being decided
     * @param repairNotice the department served a credit repair notice with the decision (两书同达)
     */
    record Eligibility(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            LocalDate earliestDay, String lawReason, boolean openToday, boolean openCase, boolean repairNotice) {
    }
}
