package org.chengxin.audit.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.Departments;
import org.chengxin.organization.StaffAccount;
import org.chengxin.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Words for the audit trail's codes: what an action was, in whose role, with what outcome, in which
 * department, by whom. The trail stores codes (they are stable and chained); people read words, and the
 * code stays in a tooltip for the auditor who searches for it.
 */
@Component
class AuditLabels {

    /** Every action the platform writes, in the words an auditor uses. */
    static final Map<String, String> ACTIONS = actions();

    private final Departments departments;
    private final Accounts accounts;

    AuditLabels(Departments departments, Accounts accounts) {
        this.departments = departments;
        this.accounts = accounts;
    }

    private static Map<String, String> actions() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("auth.login", "登录");
        a.put("auth.token", "业务系统获取令牌");
        a.put("auth.token-revoke", "业务系统令牌吊销");
        a.put("audit.view", "查看审计日志");
        a.put("audit.verify", "校验审计链");
        a.put("audit.archive", "归档审计日志");
        a.put("assessment.export", "导出部门考核结果");
        a.put("audit.export", "导出审计日志");
        a.put("bulletins.save", "保存通知公告");
        a.put("bulletins.withdraw", "撤下通知公告");
        a.put("calendar.year", "设置工作日历年度");
        a.put("calendar.day-save", "调整工作日历");
        a.put("calendar.day-remove", "删除工作日历调整");
        a.put("catalog.publish", "发布信用信息目录");
        a.put("complaints.file", "提交投诉");
        a.put("complaints.window-file", "窗口代为登记投诉");
        a.put("complaints.window-view", "窗口查看投诉");
        a.put("complaints.acknowledge", "受理投诉");
        a.put("complaints.assign", "分派投诉");
        a.put("complaints.answer", "答复投诉");
        a.put("complaints.refer-finding", "投诉转交查处");
        a.put("evaluation.self-view", "本人查看信用评价");
        a.put("evaluation.model-publish", "发布评价模型");
        a.put("evaluation.recompute-all", "全量重新计算信用评价");
        a.put("evaluation.grades-recomputed", "信用等级批量重算完成");
        a.put("evaluation.grade-change", "信用等级变化");
        a.put("honours.consent", "同意公示诚信典型");
        a.put("honours.withdraw", "撤回诚信典型公示同意");
        a.put("identity.reveal", "查看完整身份证号码");
        a.put("identity.validation", "身份核验");
        a.put("identity.register-import", "导入人口信息");
        a.put("identity.contact.email", "读取电子邮箱");
        a.put("identity.resident.mobile", "读取手机号码");
        a.put("identity.resident.name", "读取姓名");
        a.put("identity.subject.id-number", "读取身份证号码");
        a.put("ingestion.batch", "报送信用信息批次");
        a.put("ingestion.batches-export", "导出报送批次");
        a.put("ingestion.rejections-export", "导出批次拒绝明细");
        a.put("inquiry.query", "信用查询");
        a.put("inquiry.authorization-grant", "授权查询");
        a.put("inquiry.authorization-paper", "登记书面授权");
        a.put("inquiry.authorization-withdraw", "撤回查询授权");
        a.put("inquiry.flag-close", "关闭异常查询提示");
        a.put("inquiry.flag-refer", "异常查询转交核查");
        a.put("inquiry.query-log-search", "按身份证号筛选查询记录");
        a.put("inquiry.query-log-export", "导出查询记录");
        a.put("inquiry.flags-export", "导出查询异常使用提示");
        a.put("inquiry.issued-reports-browse", "查看出具的信用报告");
        a.put("inquiry.issued-reports-export", "导出出具的信用报告清单");
        a.put("lists.add", "列入严重失信主体名单");
        a.put("lists.drop", "不予列入严重失信主体名单");
        a.put("lists.end", "移出严重失信主体名单");
        a.put("lists.notice", "发出列入告知");
        a.put("lists.statement", "名单当事人陈述申辩");
        a.put("lists.credit-status", "查询名单状态");
        a.put("lists.agency-add", "列入中介机构名单");
        a.put("lists.agency-end", "移出中介机构名单");
        a.put("lists.good-credit-browse", "查询优良信用记录名单");
        a.put("lists.good-credit-export", "导出优良信用记录名单");
        a.put("lists.candidates-export", "导出严重失信主体认定候选");
        a.put("lists.entries-export", "导出严重失信主体名单");
        a.put("measures.check", "联合奖惩核查");
        a.put("mutual.query", "异地信用互查");
        a.put("exchange.feed", "向上级平台交付交换数据（接口）");
        a.put("exchange.export", "向上级平台交付交换数据（文件）");
        a.put("exchange.resend", "重新交付交换文件");
        a.put("exchange.baseline", "生成交换全量基线");
        a.put("measures.checks-export", "导出联合奖惩核查记录");
        a.put("measures.feedback", "联合奖惩反馈");
        a.put("measures.list-publish", "发布奖惩措施清单");
        a.put("notifications.delivery", "发送通知");
        a.put("notifications.preferences", "修改通知设置");
        a.put("organization.citizen-activate", "公民账户激活");
        a.put("organization.citizen-close", "注销公民账户");
        a.put("organization.citizen-code", "发放公民激活码");
        a.put("organization.citizen-code-online", "在线申领激活码");
        a.put("organization.client-register", "登记业务系统");
        a.put("organization.department-register", "登记部门");
        a.put("organization.staff-create", "创建工作人员账号");
        a.put("organization.staff-unlock", "解除账号锁定");
        a.put("records.browse", "浏览信用记录");
        a.put("records.view", "查看信用记录");
        a.put("records.revoke", "撤销信用记录");
        a.put("records.suspend", "暂停使用信用记录");
        a.put("records.object", "记录标注异议");
        a.put("records.objection-correct", "异议更正记录");
        a.put("records.objection-resolve", "异议处理完毕");
        a.put("records.repair", "信用修复");
        a.put("records.export", "导出信用记录");
        a.put("remedies.case-view", "查看异议或修复案件");
        a.put("remedies.cases-export", "导出异议与信用修复案件");
        a.put("remedies.objection-file", "提出异议");
        a.put("remedies.objection-accept", "受理异议");
        a.put("remedies.objection-decide", "异议处理决定");
        a.put("remedies.objection-dismiss", "异议不予受理");
        a.put("remedies.objection-escalate", "异议逾期督办");
        a.put("remedies.objection-withdraw", "撤回异议");
        a.put("remedies.repair-apply", "申请信用修复");
        a.put("remedies.repair-decide", "信用修复决定");
        a.put("remedies.repair-escalate", "修复逾期督办");
        a.put("remedies.repair-withdraw", "撤回修复申请");
        a.put("remedies.review-queue", "查看待审核案件");
        a.put("remedies.screening-view", "查看待审查案件");
        a.put("remedies.window-view", "窗口查看案件");
        a.put("statements.submit", "提交信用承诺或说明");
        a.put("statements.review-view", "查看待审核的说明");
        a.put("statements.publish", "发布信用说明");
        a.put("statements.reject", "退回信用说明");
        a.put("statements.withdraw", "撤回信用说明");
        return Map.copyOf(a);
    }

    String action(String code) {
        return code == null ? "" : ACTIONS.getOrDefault(code, code);
    }

    String role(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        if ("SYSTEM".equals(code)) {
            return "系统";
        }
        if ("ADMIN".equals(code)) {
            // entries written before the administrators were separated (三员分立, V63) keep the role of their day
            return "平台管理员（三员分立前）";
        }
        try {
            return Role.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String outcome(String code) {
        return switch (code == null ? "" : code) {
            case "SUCCESS" -> "成功";
            case "DENIED" -> "被拒绝";
            case "FAILED" -> "失败";
            default -> code == null ? "" : code;
        };
    }

    /** Department names by code, read once per page. */
    Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.code().value(), d.name()));
        return names;
    }

    /** Staff members' real names by login name, read once per page. */
    Map<String, String> staffNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (StaffAccount s : accounts.staff()) {
            if (s.displayName() != null && !s.displayName().isBlank()) {
                names.put(s.username(), s.displayName());
            }
        }
        return names;
    }
}
