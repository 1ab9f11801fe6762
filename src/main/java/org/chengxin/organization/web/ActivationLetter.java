package org.chengxin.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.chengxin.organization.CitizenEnrolment.IssuedCode;
import org.chengxin.organization.CitizenEnrolment.Purpose;
import org.chengxin.shared.pdf.LetterFonts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 公民账号激活通知书 (or 密码重置通知书): the one-time code printed at the window and handed to the person, with its
 * expiry and what to do with it. One A4 page in the report's font (Noto Sans SC), with the Extension B font for
 * the rare characters of a name. The PDF is made in memory, sent once and never stored: the code exists in clear
 * nowhere else.
 */
@Component
class ActivationLetter {

    private static final float MARGIN = 64;
    private static final float SIZE = 12;
    private static final float LEADING = 22;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Clock clock;
    private final String activationAddress;

    ActivationLetter(Clock clock, @Value("${chengxin.security.issuer}") String platformAddress) {
        this.clock = clock;
        this.activationAddress = platformAddress.replaceAll("/+$", "") + "/activate";
    }

    byte[] pdf(IssuedCode issued, String name, String window, String clerk) {
        boolean reset = issued.purpose() == Purpose.RESET;
        String title = reset ? "公民账号密码重置通知书" : "公民账号激活通知书";
        String grouped = issued.code().replaceAll("(.{4})(?!$)", "$1-");
        List<String> before = List.of(
                "姓名：" + name,
                "身份证号码：" + issued.maskedId(),
                "办理窗口：" + window + "　　经办人：" + clerk,
                "办理时间：" + WHEN.format(ZonedDateTime.now(clock).withZoneSameInstant(CHINA)),
                "",
                reset ? "您的一次性密码重置码：" : "您的一次性激活码：");
        List<String> after = List.of(
                "有效期至：" + WHEN.format(issued.expiresAt().atZone(CHINA)) + "（北京时间）",
                "",
                "使用方法：请在有效期内访问 " + activationAddress + " （首页“激活账号”），填写本人身份证号码、上面的"
                        + (reset ? "重置码" : "激活码") + "和新密码（至少10位，须同时包含字母和数字），然后以身份证号码和新密码登录。",
                "该码只能使用一次；过期、遗失或多次输错的，请本人携带身份证件到政务服务窗口重新办理，原码随即作废。",
                reset ? "设置新密码之前，原密码仍然有效；重置码使用后，原密码作废。" : "账号激活后，可查看本人信用积分与等级、信用报告、查询记录，提出异议和信用修复申请。",
                "请妥善保管本通知书，切勿将该码告知他人。工作人员和平台不会以任何方式向您索要该码或密码。");
        try (PDDocument document = new PDDocument(); LetterFonts.Writer fonts = LetterFonts.open(document)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN - 20;
                fonts.write(stream, (PDRectangle.A4.getWidth() - fonts.width(title, 22)) / 2, y, title, 22);
                y -= 2 * LEADING;
                y = paragraphs(fonts, stream, before, y, width);
                y -= 14;
                fonts.write(stream, MARGIN + 24, y, grouped, 26);
                y -= 2 * LEADING;
                paragraphs(fonts, stream, after, y, width);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float paragraphs(LetterFonts.Writer fonts, PDPageContentStream stream, List<String> paragraphs, float top, float width)
            throws IOException {
        float y = top;
        for (String paragraph : paragraphs) {
            for (String line : fonts.wrap(paragraph, width, SIZE)) {
                fonts.write(stream, MARGIN, y, line, SIZE);
                y -= LEADING;
            }
        }
        return y;
    }
}
