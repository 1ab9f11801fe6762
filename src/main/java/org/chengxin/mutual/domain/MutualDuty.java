package org.chengxin.mutual.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The duties (事项) for which cities' credit platforms exchange a person's credit status: the matters where the national
 * rules make a person's credit a condition or a consideration across regions (国发〔2016〕33号: joint incentives and
 * punishment across regions; 国办发〔2020〕49号). A fixed list, the same for every city, published in docs/api-guide.md;
 * where the measures module's matters name the same duty, the code is theirs (GWY-LY, SYDW-ZP, PYPX, ZFCG, XZSP, ZFBT).
 * A query names one, and it is the purpose the person reads in their query log.
 */
public enum MutualDuty {
    CIVIL_SERVANT_RECRUITMENT("GWY-LY", "公务员录用"),
    PUBLIC_INSTITUTION_RECRUITMENT("SYDW-ZP", "事业单位公开招聘"),
    HONOURS("PYPX", "评优评先与荣誉表彰"),
    GOVERNMENT_PROCUREMENT("ZFCG", "政府采购"),
    TENDERING("ZBTB", "招标投标"),
    ADMINISTRATIVE_LICENSING("XZSP", "行政许可审批"),
    FISCAL_SUBSIDY("ZFBT", "财政资金补助");

    private final String code;
    private final String label;

    MutualDuty(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code a query names (as the API carries it). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The duty of this code, compared exactly (codes are upper case). */
    public static Optional<MutualDuty> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
