package org.chengxin.demo;

import java.util.List;

import org.chengxin.organization.DepartmentKind;

/** The departments of the Yueyang demo: code, name, kind. Their credit codes are synthetic. */
final class YueyangDepartments {

    record Entry(String code, String name, DepartmentKind kind, String regionCode) {

        Entry(String code, String name, DepartmentKind kind) {
            this(code, name, kind, "430600");
        }
    }

    static final List<Entry> ALL = List.of(
            new Entry("fgw", "岳阳市发展和改革委员会（市社会信用体系建设领导小组办公室）", DepartmentKind.PLATFORM),
            new Entry("zwfw", "岳阳市政务服务中心", DepartmentKind.GOVERNMENT),
            new Entry("gaj", "岳阳市公安局", DepartmentKind.GOVERNMENT),
            new Entry("scjg", "岳阳市市场监督管理局", DepartmentKind.GOVERNMENT),
            new Entry("swj", "国家税务总局岳阳市税务局", DepartmentKind.GOVERNMENT),
            new Entry("rsj", "岳阳市人力资源和社会保障局", DepartmentKind.GOVERNMENT),
            new Entry("sthj", "岳阳市生态环境局", DepartmentKind.GOVERNMENT),
            new Entry("jtys", "岳阳市交通运输局", DepartmentKind.GOVERNMENT),
            new Entry("zjj", "岳阳市住房和城乡建设局", DepartmentKind.GOVERNMENT),
            new Entry("wjw", "岳阳市卫生健康委员会", DepartmentKind.GOVERNMENT),
            new Entry("jyj", "岳阳市教育局", DepartmentKind.GOVERNMENT),
            new Entry("mzj", "岳阳市民政局", DepartmentKind.GOVERNMENT),
            new Entry("sfj", "岳阳市司法局", DepartmentKind.GOVERNMENT),
            new Entry("czj", "岳阳市财政局", DepartmentKind.GOVERNMENT),
            new Entry("zrzy", "岳阳市自然资源和规划局", DepartmentKind.GOVERNMENT),
            new Entry("yjj", "岳阳市应急管理局", DepartmentKind.GOVERNMENT),
            new Entry("xfzd", "岳阳市消防救援支队", DepartmentKind.GOVERNMENT),
            new Entry("zy", "岳阳市中级人民法院", DepartmentKind.GOVERNMENT),
            new Entry("jcy", "岳阳市人民检察院", DepartmentKind.GOVERNMENT),
            new Entry("ybj", "岳阳市医疗保障局", DepartmentKind.GOVERNMENT),
            new Entry("nyj", "岳阳市农业农村局", DepartmentKind.GOVERNMENT),
            new Entry("wlj", "岳阳市文化旅游广电体育局", DepartmentKind.GOVERNMENT),
            new Entry("swuj", "岳阳市商务局", DepartmentKind.GOVERNMENT),
            new Entry("slj", "岳阳市水利局", DepartmentKind.GOVERNMENT),
            new Entry("lyj", "岳阳市林业局", DepartmentKind.GOVERNMENT),
            new Entry("cgj", "岳阳市城市管理和综合执法局", DepartmentKind.GOVERNMENT),
            new Entry("tyjr", "岳阳市退役军人事务局", DepartmentKind.GOVERNMENT),
            new Entry("kjj", "岳阳市科学技术局", DepartmentKind.GOVERNMENT),
            new Entry("gxj", "岳阳市工业和信息化局", DepartmentKind.GOVERNMENT),
            new Entry("sjj", "岳阳市审计局", DepartmentKind.GOVERNMENT),
            new Entry("tjj", "岳阳市统计局", DepartmentKind.GOVERNMENT),
            new Entry("jrb", "岳阳市地方金融管理局", DepartmentKind.GOVERNMENT),
            new Entry("rmyh", "中国人民银行岳阳市分行", DepartmentKind.GOVERNMENT),
            new Entry("jrjg", "国家金融监督管理总局岳阳监管分局", DepartmentKind.GOVERNMENT),
            new Entry("gjj", "岳阳市住房公积金管理中心", DepartmentKind.GOVERNMENT),
            new Entry("ggzy", "岳阳市公共资源交易中心", DepartmentKind.GOVERNMENT),
            new Entry("sjzy", "岳阳市数据资源局", DepartmentKind.GOVERNMENT),
            new Entry("zgh", "岳阳市总工会", DepartmentKind.GOVERNMENT),
            new Entry("tsw", "共青团岳阳市委员会", DepartmentKind.GOVERNMENT),
            new Entry("zzb", "中共岳阳市委组织部", DepartmentKind.GOVERNMENT),
            new Entry("wmb", "岳阳市精神文明建设指导委员会办公室", DepartmentKind.GOVERNMENT),
            new Entry("lsxh", "岳阳市律师协会", DepartmentKind.ASSOCIATION),
            new Entry("kjxh", "岳阳市注册会计师协会", DepartmentKind.ASSOCIATION),
            new Entry("fdcxh", "岳阳市房地产中介行业协会", DepartmentKind.ASSOCIATION),
            new Entry("zxjg", "岳阳示例征信服务有限公司", DepartmentKind.CREDIT_AGENCY));

    /**
     * The other credit platforms of the demo (issue 18): the provincial platform, which reads the city's change feed, and a
     * neighbouring city's platform, which asks for credit status by mutual query. Their region codes are their own.
     */
    static final List<Entry> EXTERNAL = List.of(
            new Entry("xyhn", "湖南省公共信用信息平台（信用湖南，演示）", DepartmentKind.EXTERNAL_PLATFORM, "430000"),
            new Entry("xycd", "常德市公共信用信息平台（演示）", DepartmentKind.EXTERNAL_PLATFORM, "430700"));

    private YueyangDepartments() {
    }
}
