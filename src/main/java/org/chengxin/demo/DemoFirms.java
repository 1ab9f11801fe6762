package org.chengxin.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.ingestion.BatchReport;
import org.chengxin.shared.firm.Uscc;

/**
 * Made-up firms for the demo (issue 18 item 3): the market regulator's ordinary penalties of three firms, which stay the
 * firms', and the tax office's serious tax evasion of one firm, which names its legal representative, a person of the
 * demo's register, so that the representative's standing and measures show the record it made. The codes carry a valid
 * GB 32100 check character and names that say they are a demo.
 */
final class DemoFirms {

    /** The demo firm whose tax evasion reaches its legal representative. */
    static final String TAX_EVADER = uscc("430600700001012");

    private final DemoPushes pushes;
    private final Clock clock;

    DemoFirms(DemoPushes pushes, Clock clock) {
        this.pushes = pushes;
        this.clock = clock;
    }

    static String uscc(String digits15) {
        String first17 = "91" + digits15.substring(0, 15);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** Pushes both departments' rows; the legal representative is the first adult of the demo's people. */
    List<BatchReport> push(List<SyntheticPeople.Person> people) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> penalties = new ArrayList<>();
        String[][] firms = {
                {uscc("430602700002013"), "岳阳市演示餐饮管理有限公司", "未按规定公示食品经营许可信息", "警告并处罚款3000元"},
                {uscc("430603700003014"), "岳阳演示建材贸易有限公司", "销售不合格建筑材料", "没收违法所得并处罚款20000元"},
                {uscc("430611700004015"), "岳阳演示物流有限责任公司", "未按规定办理年度报告", "罚款1000元"}};
        for (int i = 0; i < firms.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sourceId", "SCJG-FR-DEMO-" + (i + 1));
            row.put("itemCode", "YY-GN-002");
            row.put("uscc", firms[i][0]);
            row.put("name", firms[i][1]);
            row.put("decisionDate", today.minusDays(20L + 10L * i).toString());
            row.put("documentNumber", "岳市监罚〔" + today.getYear() + "〕演示" + (501 + i) + "号");
            row.put("content", Map.of("penaltyType", "罚款", "facts", firms[i][2] + "（演示）", "penaltyResult", firms[i][3],
                    "authority", "岳阳市市场监督管理局"));
            penalties.add(row);
        }
        List<BatchReport> reports = new ArrayList<>(List.of(pushes.pushAs("scjg", penalties)));
        // a demo started without people (the city's measurement) has no representative to name
        people.stream().filter(p -> !p.idNumber().isMinorOn(today)).findFirst()
                .ifPresent(representative -> reports.add(pushes.pushAs("swj", List.of(evasion(representative, today)))));
        return reports;
    }

    private static Map<String, Object> evasion(SyntheticPeople.Person representative, LocalDate today) {
        Map<String, Object> evasion = new LinkedHashMap<>();
        evasion.put("sourceId", "SWJ-FR-DEMO-1");
        evasion.put("itemCode", "YY-TX-001");
        evasion.put("uscc", TAX_EVADER);
        evasion.put("name", "岳阳演示商贸有限公司");
        evasion.put("legalRepresentative", representative.name());
        evasion.put("legalRepresentativeIdNumber", representative.idNumber().value());
        evasion.put("decisionDate", today.minusDays(15).toString());
        evasion.put("documentNumber", "岳税稽罚〔" + today.getYear() + "〕演示107号");
        evasion.put("content", Map.of("facts", "虚列成本少缴企业所得税（演示）", "penaltyResult", "追缴税款并处少缴税款一倍罚款",
                "evadedAmount", "380000", "authority", "国家税务总局岳阳市税务局稽查局"));
        return evasion;
    }
}
