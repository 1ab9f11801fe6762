package org.chengxin.mutual.domain;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;

/**
 * What another city's platform asks, checked: a duty of the list, the purpose and the requesting case number, each
 * required because the query is a use of the person's data the person will read (PIPL art. 34: a state organ processes
 * personal information for its statutory duties only). Text is kept stripped and with any ID-shaped run masked.
 *
 * @param name the person's name as the asking city knows it, or null
 */
public record MutualQuery(MutualDuty duty, String purpose, String caseNumber, String name) {

    /** Reads a request, refusing it with a stable code and a Chinese message. */
    public static MutualQuery of(String dutyCode, String purpose, String caseNumber, String name) {
        if (dutyCode == null || dutyCode.isBlank()) {
            throw ChengxinException.badRequest("MUTUAL_DUTY_REQUIRED", "请写明所办理的事项编码（duty），互查只为清单所列事项进行");
        }
        MutualDuty duty = MutualDuty.ofCode(dutyCode.strip()).orElseThrow(() -> ChengxinException.badRequest("MUTUAL_DUTY_UNKNOWN",
                "事项编码“" + Masking.maskIdShaped(dutyCode.strip()) + "”不在异地互查事项清单中（清单见接口文档）"));
        if (purpose == null || purpose.isBlank()) {
            throw ChengxinException.badRequest("MUTUAL_PURPOSE_REQUIRED", "请填写查询用途（purpose），查询将以该用途记入当事人的查询记录");
        }
        if (caseNumber == null || caseNumber.isBlank()) {
            throw ChengxinException.badRequest("MUTUAL_CASE_NUMBER_REQUIRED", "请填写贵方的办件编号（caseNumber），以便当事人和审计员追查");
        }
        return new MutualQuery(duty, Masking.maskIdShaped(purpose.strip()), Masking.maskIdShaped(caseNumber.strip()),
                name == null || name.isBlank() ? null : name.strip());
    }
}
