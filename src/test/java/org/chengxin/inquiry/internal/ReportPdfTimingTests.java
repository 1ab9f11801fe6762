package org.chengxin.inquiry.internal;

import java.util.Arrays;

import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.ReportFixture;
import org.junit.jupiter.api.Test;

/** Prints how long the 50-record report takes to render (the target is a median under 150 ms); asserts nothing. */
class ReportPdfTimingTests {

    @Test
    void printsTheMedianRenderTimeOfAFiftyRecordReport() {
        ReportPdf renderer = new ReportPdf();
        CreditReport report = ReportFixture.withFiftyRecords();
        for (int i = 0; i < 10; i++) {
            renderer.render(report, "https://xy.yueyang.example/verify");
        }
        long[] nanos = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            renderer.render(report, "https://xy.yueyang.example/verify");
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("ReportPdf: 50 records, median of 30 renders %.1f ms (min %.1f, max %.1f)%n", nanos[15] / 1e6,
                nanos[0] / 1e6, nanos[29] / 1e6);
    }
}
