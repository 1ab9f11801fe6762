package org.chengxin.demo;

import org.chengxin.bulletins.Bulletins;
import org.chengxin.bulletins.Bulletins.Kind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few articles for the demo portal's 通知公告 and 政策法规, on a first start with none: short summaries written for
 * the demo (marked as such), not the official texts, which the administrator publishes in production.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "chengxin.demo.enabled", havingValue = "true")
@Order(20)
class DemoBulletins implements ApplicationRunner {

    private static final String SOURCE = "演示内容";

    private final Bulletins bulletins;

    DemoBulletins(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!bulletins.all().isEmpty()) {
            return;
        }
        bulletins.save(null, Kind.LAW, "岳阳市个人公共信用信息管理办法（摘要）", """
                本办法规范本市行政区域内个人公共信用信息的归集、评价、使用、保护和修复。个人公共信用信息由国家机关和法律、法规授权的组织在履行职责中形成。

                信息主体有权查询本人的信用信息，认为信息有误的可以提出异议；失信信息在最短公示期届满后，信息主体纠正失信行为的，可以申请信用修复。

                失信信息的公示期届满后，不再公示和使用。""", SOURCE, true);
        bulletins.save(null, Kind.LAW, "国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见（国办发〔2020〕49号）（要点）", """
                认定严重失信主体名单，应当事先告知当事人拟列入的事实、理由、依据和约束措施，当事人享有陈述和申辩的权利。

                失信惩戒措施应当依法依规、过惩相当，不得随意扩大范围。""", SOURCE, true);
        bulletins.save(null, Kind.LAW, "征信业管理条例（有关个人权利的要点）", """
                信息主体认为信息存在错误、遗漏的，有权提出异议；处理结果应当告知信息主体。

                向信息提供者或者使用者查询个人信息，应当取得信息主体本人的书面同意并约定用途。""", SOURCE, true);
        bulletins.save(null, Kind.NOTICE, "关于“信用岳阳”个人公共信用信息平台试运行的通知（演示）", """
                “信用岳阳”个人公共信用信息平台自即日起试运行。市民可以登录平台查询本人信用信息、查看谁查询了自己、提出异议和信用修复申请。

                本通知为演示内容。""", SOURCE, true);
        bulletins.save(null, Kind.NOTICE, "关于开通网上开户和短信通知服务的公告（演示）", """
                市民可以通过“网上开户”凭人口基础信息中登记的手机号码接收验证码开通账号，也可以在“消息设置”中选择以短信或电子邮件接收与本人有关的通知。

                本公告为演示内容。""", SOURCE, true);
    }
}
