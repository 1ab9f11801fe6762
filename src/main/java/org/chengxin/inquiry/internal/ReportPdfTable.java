package org.chengxin.inquiry.internal;

import java.util.ArrayList;
import java.util.List;

import org.chengxin.inquiry.internal.ReportPdfFonts.Face;

/**
 * A table whose cells wrap and whose rows break across pages, the header repeated at the top of each page. A
 * row may carry notes written beneath it across the table's width (the 异议标注 and 本人声明 of a record), kept
 * on the same page as the row when they fit.
 */
final class ReportPdfTable {

    private static final float SIZE = 8;
    private static final float LEADING = 11;
    private static final float PAD = 3;

    private final ReportPdfCanvas canvas;
    private final String[] headers;
    private final float[] widths;

    ReportPdfTable(ReportPdfCanvas canvas, String[] headers, float[] widths) {
        this.canvas = canvas;
        this.headers = headers;
        this.widths = widths;
    }

    void header() {
        List<List<String>> cells = wrapAll(headers, Face.BOLD);
        float height = height(cells);
        canvas.ensure(height + LEADING * 2);
        canvas.shade(ReportPdfCanvas.LEFT, canvas.y(), ReportPdfCanvas.WIDTH, height, 0.9f);
        draw(cells, Face.BOLD);
        canvas.rule(ReportPdfCanvas.LEFT, ReportPdfCanvas.RIGHT, canvas.y(), 0.6f);
    }

    void row(String[] values, List<String> notes) {
        List<List<String>> cells = wrapAll(values, Face.REGULAR);
        List<String> noteLines = new ArrayList<>();
        for (String note : notes) {
            noteLines.addAll(canvas.wrap(note, Face.REGULAR, SIZE, ReportPdfCanvas.WIDTH - 2 * PAD - 12));
        }
        float height = height(cells);
        float notesHeight = noteLines.size() * LEADING;
        float whole = height + notesHeight + (noteLines.isEmpty() ? 0 : PAD);
        if (canvas.ensure(whole <= ReportPdfCanvas.TOP - ReportPdfCanvas.BOTTOM - 40 ? whole : height)) {
            header();
        }
        draw(cells, Face.REGULAR);
        for (String line : noteLines) {
            if (canvas.ensure(LEADING)) {
                header();
            }
            canvas.text(ReportPdfCanvas.LEFT + PAD + 12, canvas.y() - SIZE - 1, line, Face.REGULAR, SIZE);
            canvas.down(LEADING);
        }
        if (!noteLines.isEmpty()) {
            canvas.down(PAD);
        }
        canvas.rule(ReportPdfCanvas.LEFT, ReportPdfCanvas.RIGHT, canvas.y(), 0.3f);
    }

    /** A single line across the table when it has no rows (无). */
    void empty(String text) {
        canvas.ensure(LEADING + 2 * PAD);
        canvas.text(ReportPdfCanvas.LEFT + PAD, canvas.y() - PAD - SIZE, text, Face.REGULAR, SIZE);
        canvas.down(LEADING + 2 * PAD);
        canvas.rule(ReportPdfCanvas.LEFT, ReportPdfCanvas.RIGHT, canvas.y(), 0.3f);
    }

    private List<List<String>> wrapAll(String[] values, Face face) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cells.add(canvas.wrap(values[i] == null ? "—" : values[i], face, SIZE, widths[i] - 2 * PAD));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LEADING + 2 * PAD;
    }

    private void draw(List<List<String>> cells, Face face) {
        float top = canvas.y();
        float x = ReportPdfCanvas.LEFT;
        for (int i = 0; i < cells.size(); i++) {
            float baseline = top - PAD - SIZE;
            for (String line : cells.get(i)) {
                canvas.text(x + PAD, baseline, line, face, SIZE);
                baseline -= LEADING;
            }
            x += widths[i];
        }
        canvas.down(height(cells));
    }
}
