package org.chengxin.inquiry;

/** The report as an A4 PDF in Chinese, its file hash recorded so that anyone can verify a copy. */
public interface ReportDocuments {

    /** Renders an issued report (the same report always gives the same bytes) and records the file's SHA-256. */
    byte[] pdf(CreditReport report);

    /** The address of the public verification page printed on reports and encoded in their QR code. */
    String verificationUrl();
}
