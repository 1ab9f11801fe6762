package org.chengxin.inquiry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.ReportFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PDF renderer alone, without a database: prints the median of 30 renders of the 50-record report
 * (the target is a median under 150 ms) and checks that what it timed is that report. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=ReportPdfBenchmark}; what the PDF must hold is {@link ReportPdfTests}.
 */
@Tag("benchmark")
class ReportPdfBenchmark {

    private static final String VERIFY = "https://xy.yueyang.example/verify";

    @Test
    void medianRenderTimeOfAFiftyRecordReport() throws IOException {
        ReportPdf renderer = new ReportPdf();
        CreditReport report = ReportFixture.withFiftyRecords();
        for (int i = 0; i < 10; i++) {
            renderer.render(report, VERIFY);
        }
        long[] nanos = new long[30];
        byte[] pdf = null;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            pdf = renderer.render(report, VERIFY);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("ReportPdf: 50 records, %,d bytes, median of 30 renders %.1f ms (min %.1f, max %.1f)%n", pdf.length,
                nanos[15] / 1e6, nanos[0] / 1e6, nanos[29] / 1e6);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            assertThat(text).contains(ReportFixture.NUMBER, ReportFixture.MASKED_ID,
                    report.dishonesty().get(report.dishonesty().size() - 1).documentNumber(),
                    report.other().get(report.other().size() - 1).documentNumber());
        }
    }
}
