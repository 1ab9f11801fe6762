package org.chengxin.inquiry.internal;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The verification QR code drawn as vector squares: sharp at any zoom and print size, and the same bytes
 * every time (an image would be re-encoded).
 */
final class ReportPdfQr {

    private ReportPdfQr() {
    }

    /** Draws the code for {@code text} with its top-left corner at ({@code x}, {@code top}), {@code size} wide. */
    static void draw(PDPageContentStream content, String text, float x, float top, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification address as a QR code", e);
        }
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(x + column * module, top - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
