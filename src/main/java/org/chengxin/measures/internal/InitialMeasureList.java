package org.chengxin.measures.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chengxin.measures.domain.Matter;
import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureKind;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.Trigger;
import org.chengxin.measures.domain.TriggerKind;

/**
 * The measure list a new installation starts with, Yueyang's (stored at the first start, in force from
 * 1 April 2026): the incentives of policy 十三 (优先办理, 简化程序, 绿色通道, 容缺受理,
 * 重点支持 and "credit-easy" services) and punishments drawn from policy 十四, each with the documents
 * it rests on. The administrator changes them on a page; a lawyer should review the bases before use.
 */
final class InitialMeasureList {

    static final String POLICY = "《岳阳市人民政府关于加强个人诚信体系建设的实施意见》";
    static final String GUOFA_2016_33 = "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）";
    static final String GUOBAN_2020_49 = "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）";
    static final String GUOBAN_2020_42 = "《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）";

    private InitialMeasureList() {
    }

    static MeasureList yueyang(LocalDate effectiveFrom) {
        List<Matter> matters = List.of(
                new Matter("XZSP", "行政许可与公共服务事项办理", Set.of("*")),
                new Matter("GWY-LY", "公务员录用", Set.of("zzb", "rsj")),
                new Matter("SYDW-ZP", "事业单位公开招聘", Set.of("rsj")),
                new Matter("PYPX", "评优评先与荣誉表彰", Set.of("*")),
                new Matter("ZFBT", "政府补贴与资金扶持申请", Set.of("czj", "fgw", "nyj", "rsj", "kjj", "gxj", "swuj")),
                new Matter("YHZC", "优惠政策享受", Set.of("*")),
                new Matter("ZFCG", "政府采购与公共资源交易", Set.of("czj", "ggzy")),
                new Matter("RCJG", "日常监督检查", Set.of("scjg", "yjj", "sthj", "jtys", "cgj", "wjw")),
                new Matter("TSJY", "公共图书馆图书借阅", Set.of("wlj")),
                new Matter("CSTC", "城市公共停车", Set.of("cgj")));
        String p13 = POLICY + "（十三）；" + GUOFA_2016_33;
        String p14 = POLICY + "（十四）；" + GUOFA_2016_33 + "；" + GUOBAN_2020_49;
        List<Measure> measures = List.of(
                new Measure("JL-YXBL", "优先办理", MeasureKind.INCENTIVE, "在办理行政许可和公共服务事项时优先受理、优先办理",
                        Trigger.of(TriggerKind.GOOD_CREDIT_RECORD), Set.of("XZSP"), Set.of("*"), p13, false),
                new Measure("JL-JHCX", "简化程序", MeasureKind.INCENTIVE, "可减少申请材料、合并办理环节",
                        Trigger.grades("AAA", "AA"), Set.of("XZSP"), Set.of("*"), p13, false),
                new Measure("JL-LSTD", "绿色通道", MeasureKind.INCENTIVE, "开辟绿色通道，专人引导办理",
                        Trigger.of(TriggerKind.GOOD_CREDIT_RECORD), Set.of("XZSP", "ZFBT"), Set.of("*"), p13, false),
                new Measure("JL-RQSL", "容缺受理", MeasureKind.INCENTIVE,
                        "申请材料中非核心材料暂缺时，可先行受理，申请人承诺在规定期限内补齐",
                        Trigger.of(TriggerKind.THREE_YEARS_CLEAN), Set.of("XZSP"), Set.of("*"), p13, false),
                new Measure("JL-ZDZC", "重点支持", MeasureKind.INCENTIVE, "同等条件下优先给予政府补贴、资金扶持和政策支持",
                        Trigger.grades("AAA", "AAA"), Set.of("ZFBT", "YHZC"), Set.of("*"), p13, false),
                new Measure("JL-MYJJY", "免押金借阅图书（信用易借）", MeasureKind.INCENTIVE, "免交借书押金，可增加借阅册数",
                        Trigger.grades("AAA", "A"), Set.of("TSJY"), Set.of("wlj"), p13 + "；岳阳市“信易+”守信激励应用场景", false),
                new Measure("JL-XTHF", "先停车后付费（信易停）", MeasureKind.INCENTIVE, "在城市公共停车场先停车、离场后付费",
                        Trigger.grades("AAA", "AA"), Set.of("CSTC"), Set.of("cgj"), p13 + "；岳阳市“信易+”守信激励应用场景", false),
                new Measure("CJ-GWY", "限制录用为公务员", MeasureKind.PUNISHMENT, "严重失信主体名单内人员不得录用为公务员",
                        Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("GWY-LY"), Set.of("zzb", "rsj"),
                        p14 + "；《公务员录用规定》", true),
                new Measure("CJ-SYDW", "限制招聘为事业单位工作人员", MeasureKind.PUNISHMENT,
                        "严重失信主体名单内人员不得招聘为事业单位工作人员", Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST),
                        Set.of("SYDW-ZP"), Set.of("rsj"), p14 + "；《事业单位公开招聘人员暂行规定》", true),
                new Measure("CJ-PYPX", "限制参加评优评先和荣誉表彰", MeasureKind.PUNISHMENT, "不得参加评优评先，不授予荣誉称号",
                        Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("PYPX"), Set.of("*"), p14, true),
                new Measure("CJ-ZFBT", "限制申请政府补贴与资金扶持", MeasureKind.PUNISHMENT, "限制或取消政府补贴、资金扶持",
                        Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("ZFBT"), Set.of("*"), p14, true),
                new Measure("CJ-YHZC", "限制享受优惠政策", MeasureKind.PUNISHMENT, "依法限制享受财政、税收等优惠政策",
                        Trigger.dishonesty("GRAVE", 36), Set.of("YHZC", "ZFBT"), Set.of("*"), p14, false),
                new Measure("CJ-ZFCG", "限制参与政府采购", MeasureKind.PUNISHMENT, "依法限制参与政府采购活动",
                        Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("ZFCG"), Set.of("czj", "ggzy"),
                        p14 + "；《中华人民共和国政府采购法》", true),
                new Measure("CJ-ZDJG", "列为重点监管对象", MeasureKind.PUNISHMENT, "列为重点监管对象，加强日常监管",
                        Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("RCJG"), Set.of("*"), p14, false),
                new Measure("CJ-JCPC", "提高抽查比例和频次", MeasureKind.PUNISHMENT, "在“双随机、一公开”监管中提高抽查比例和频次",
                        Trigger.dishonesty("GENERAL", 12), Set.of("RCJG"), Set.of("*"), p14, false),
                // 国办发〔2020〕42号: a grave dishonesty record excludes 告知承诺 until repaired; a grade never did
                new Measure("CJ-RQSL", "不适用容缺受理和告知承诺", MeasureKind.PUNISHMENT,
                        "有较重及以上失信记录的，在信用修复前不适用容缺受理、告知承诺等便利措施",
                        Trigger.dishonesty("GRAVE", null), Set.of("XZSP"), Set.of("*"), p14 + "；" + GUOBAN_2020_42, false));
        return new MeasureList("yueyang-measures-1", effectiveFrom, matters, measures);
    }
}
