package org.chengxin.assessment.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.assessment.DepartmentAssessment.CountyRanking;
import org.chengxin.assessment.DepartmentAssessment.CountyScorecard;
import org.chengxin.assessment.DepartmentAssessment.MonitoringReport;
import org.chengxin.assessment.DepartmentAssessment.Ranking;
import org.chengxin.assessment.DepartmentAssessment.Scorecard;
import org.chengxin.assessment.domain.DoublePublicity;
import org.chengxin.assessment.domain.Indicator;
import org.chengxin.assessment.domain.Monitoring;
import org.chengxin.assessment.domain.Tally;

/**
 * The ranking as a workbook for the third-party evaluator: one row per department with every indicator and the counts
 * it rests on (sheet 部门考核), one row per county-level division, the sum of its departments (sheet 区县考核), the city's
 * national monitoring indicators with their definitions and those not computable here (sheet 信用监测指标), and the
 * formula (sheet 计分说明). Counts only, never a person.
 */
final class AssessmentExport {

    static final String SHEET = "部门考核";
    static final String RULES_SHEET = "计分说明";
    static final String COUNTY_SHEET = "区县考核";
    static final String MONITORING_SHEET = "信用监测指标";
    private static final String[] COUNTS = { "必报信息项", "已报送的必报信息项", "入库记录", "双公示入库记录", "超过7个工作日", "平均报送工作日",
            "批次行数", "拒绝行数", "核查次数", "已反馈", "超期反馈", "逾期未反馈", "异议与修复受理", "异议与修复超期", "投诉举报", "投诉超期" };

    private AssessmentExport() {
    }

    static void xlsx(Ranking ranking, CountyRanking counties, MonitoringReport monitoring, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("考核期间：" + ranking.period().label() + "（" + ranking.period().from() + " 至 "
                    + ranking.period().until().minusDays(1) + "）");
            Row header = sheet.createRow(1);
            int c = 0;
            for (String h : new String[] { "名次", "部门", "类型", "综合得分" }) {
                header.createCell(c++).setCellValue(h);
            }
            for (Indicator i : Indicator.values()) {
                header.createCell(c++).setCellValue(i.label() + "（%）");
            }
            for (String h : COUNTS) {
                header.createCell(c++).setCellValue(h);
            }
            int r = 2;
            for (Scorecard s : ranking.scorecards()) {
                Row row = sheet.createRow(r++);
                Tally t = s.tally();
                int k = 0;
                number(row.createCell(k++), s.rank() == 0 ? null : (double) s.rank());
                row.createCell(k++).setCellValue(s.name());
                row.createCell(k++).setCellValue(s.kind());
                number(row.createCell(k++), s.score());
                for (Indicator i : Indicator.values()) {
                    number(row.createCell(k++), s.result().percent(i));
                }
                counts(row, k, t);
            }
            counties(book, counties);
            monitoring(book, monitoring);
            Sheet rules = book.createSheet(RULES_SHEET);
            int n = 0;
            rules.createRow(n++).createCell(0).setCellValue("综合得分 = 100 × Σ（权重 × 指标值）÷ Σ 权重，只计本期适用的指标；"
                    + "不适用的指标（本期没有基数）不计入分子和分母，其权重按比例由其余指标分担；没有适用指标的部门不计分、不排名。");
            rules.createRow(n++).createCell(0).setCellValue("入库记录数只列示、不计分；双公示时限为决定日起 " + DoublePublicity.WORKING_DAYS
                    + " 个工作日，按平台工作日历计算。");
            Row h = rules.createRow(n++);
            h.createCell(0).setCellValue("指标");
            h.createCell(1).setCellValue("权重");
            h.createCell(2).setCellValue("计算方法");
            for (Indicator i : Indicator.values()) {
                Row row = rules.createRow(n++);
                row.createCell(0).setCellValue(i.label());
                row.createCell(1).setCellValue(i.weight());
                row.createCell(2).setCellValue(i.definition());
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counties(XSSFWorkbook book, CountyRanking counties) {
        Sheet sheet = book.createSheet(COUNTY_SHEET);
        sheet.createRow(0).createCell(0).setCellValue("考核期间：" + counties.period().label() + "；区县的数字为其所属各部门数字之和，按同一计分方法计分");
        Row header = sheet.createRow(1);
        int c = 0;
        for (String h : new String[] { "名次", "区县", "行政区划代码", "部门数", "综合得分" }) {
            header.createCell(c++).setCellValue(h);
        }
        for (Indicator i : Indicator.values()) {
            header.createCell(c++).setCellValue(i.label() + "（%）");
        }
        for (String h : COUNTS) {
            header.createCell(c++).setCellValue(h);
        }
        int r = 2;
        for (CountyScorecard s : counties.scorecards()) {
            Row row = sheet.createRow(r++);
            int k = 0;
            number(row.createCell(k++), s.rank() == 0 ? null : (double) s.rank());
            row.createCell(k++).setCellValue(s.name());
            row.createCell(k++).setCellValue(s.regionCode());
            row.createCell(k++).setCellValue(s.departments());
            number(row.createCell(k++), s.score());
            for (Indicator i : Indicator.values()) {
                number(row.createCell(k++), s.result().percent(i));
            }
            counts(row, k, s.tally());
        }
    }

    private static void monitoring(XSSFWorkbook book, MonitoringReport monitoring) {
        Sheet sheet = book.createSheet(MONITORING_SHEET);
        int n = 0;
        sheet.createRow(n++).createCell(0).setCellValue("全国城市信用状况监测指标（本平台可计算部分）：全市，" + monitoring.period().label()
                + "；空白为不适用/无数据（本期没有基数）");
        Row header = sheet.createRow(n++);
        int c = 0;
        for (String h : new String[] { "指标", "数值", "单位", "依据", "计算方法" }) {
            header.createCell(c++).setCellValue(h);
        }
        for (Monitoring m : Monitoring.values()) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(m.label());
            number(row.createCell(1), monitoring.value(m));
            row.createCell(2).setCellValue(m.percent() ? "%" : "次");
            row.createCell(3).setCellValue(monitoring.basis(m));
            row.createCell(4).setCellValue(m.definition());
        }
        n++;
        sheet.createRow(n++).createCell(0).setCellValue("本平台不能计算的监测指标");
        for (Monitoring.NotComputable x : Monitoring.NOT_COMPUTABLE) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(x.name());
            row.createCell(3).setCellValue(x.reason());
        }
    }

    /** The counts an indicator rests on, from column {@code k}. */
    private static void counts(Row row, int k, Tally t) {
        for (Object v : new Object[] { t.mustItems().size(), t.mustItemsPushed(), t.accepted(), t.timedPushes(), t.latePushes(),
                t.averageDaysToPush() == null ? null : Math.round(t.averageDaysToPush() * 10) / 10.0, t.rows(), t.rejected(),
                t.checks(), t.feedbackGiven(), t.feedbackLate(), t.feedbackOverdue(), t.remediesReceived(), t.remediesLate(),
                t.complaintsReceived(), t.complaintsLate() }) {
            number(row.createCell(k++), v == null ? null : ((Number) v).doubleValue());
        }
    }

    /** A number, or the cell left blank (不适用). */
    private static void number(Cell cell, Double value) {
        if (value != null) {
            cell.setCellValue(value);
        }
    }
}
