package org.chengxin.remedies.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.shared.pdf.LetterFonts;
import org.springframework.stereotype.Component;

/**
 * 信用承诺书: the credit commitment a repair asks for, filled in with the person (masked number and registered
 * name) and the record, for the person to sign and hand in. One A4 page in the report's font (Noto Sans SC), with
 * the Extension B font for the rare characters of a name; the fonts are read once, parsed per document.
 */
@Component
class CommitmentLetter {

    private static final float MARGIN = 64;
    private static final float SIZE = 12;
    private static final float LEADING = 22;

    private final PopulationRegister register;
    private final RemediesPages pages;
    private final Clock clock;

    CommitmentLetter(PopulationRegister register, RemediesPages pages, Clock clock) {
        this.register = register;
        this.pages = pages;
        this.clock = clock;
    }

    byte[] pdf(CitizenRef person, CreditRecord record) {
        String name = register.nameOf(person.id()).orElse("＿＿＿＿＿＿");
        List<String> paragraphs = List.of(
                "承诺人：" + name,
                "身份证号码：" + person.maskedId(),
                "涉及的失信记录：" + pages.itemName(record.itemCode()) + "（记录编号 " + record.id() + "）",
                "认定部门：" + pages.departmentName(record.departmentCode()),
                "决定日期：" + record.decisionDate() + "　　决定文书号：" + (record.documentNumber() == null ? "无" : record.documentNumber()),
                "",
                "本人就上述失信记录申请信用修复。",
                "本人郑重承诺：已履行相关法定义务、纠正失信行为、消除不良影响；所提交的信用修复申请材料真实、准确、完整，"
                        + "不存在隐瞒、虚构或者伪造的情形；今后自觉遵守法律、法规和规章，诚实守信，不再发生同类失信行为；"
                        + "同意将本承诺书纳入本人信用记录，接受有关部门和社会的监督。",
                "如有虚假承诺或者违反上述承诺，本人愿承担相应法律责任，接受有关部门依法依规作出的处理，"
                        + "并同意撤销本次信用修复，相关情况记入本人信用记录。",
                "",
                "承诺人（签字）：＿＿＿＿＿＿＿＿＿＿＿＿",
                "",
                "日期：＿＿＿＿年＿＿月＿＿日",
                "",
                "（本承诺书由平台于 " + LocalDate.now(clock) + " 生成，签字后上传或交窗口办理。）");
        try (PDDocument document = new PDDocument(); LetterFonts.Writer fonts = LetterFonts.open(document)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN - 20;
                String title = "信用承诺书";
                fonts.write(stream, (PDRectangle.A4.getWidth() - fonts.width(title, 22)) / 2, y, title, 22);
                y -= 2 * LEADING;
                for (String paragraph : paragraphs) {
                    for (String line : fonts.wrap(paragraph, width, SIZE)) {
                        fonts.write(stream, MARGIN, y, line, SIZE);
                        y -= LEADING;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
