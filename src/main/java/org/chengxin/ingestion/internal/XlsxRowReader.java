package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.chengxin.ingestion.domain.ColumnNames;
import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.error.ChengxinException;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * XLSX read as a stream (POI's event model): the first sheet, its first row the header. Dates are
 * read as dates whatever their display format, numbers without grouping. Which cells held numbers
 * rather than text is passed on with the row: an identifier (ID number, document number, source id)
 * in a number cell is refused by the row checks, never converted, because Excel keeps only 15
 * significant digits of a number.
 */
final class XlsxRowReader implements RowReader {

    private final Defaults defaults;

    XlsxRowReader(Defaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public void read(Path file, Consumer<RawRow> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ChengxinException.badRequest("FILE_EMPTY", "Excel 文件中没有工作表");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                Rows handler = new Rows(rows);
                parser.setContentHandler(new CellTypes(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDates(), false), handler));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | POIXMLException | NotOfficeXmlFileException e) {
            throw ChengxinException.badRequest("FILE_NOT_XLSX", "文件不是有效的 Excel（XLSX）文件");
        } catch (SAXException | ParserConfigurationException e) {
            throw ChengxinException.badRequest("FILE_NOT_XLSX", "Excel 文件内容无法解析");
        }
    }

    /**
     * Notes the type of each cell ({@code <c t="…">}) before POI's handler formats its value: POI
     * hands on only the text, and a number cell's text is not what the department typed when the
     * number had more than 15 significant digits (an ID number typed without a text format).
     */
    private static final class CellTypes extends XMLFilterImpl {
        private final Rows rows;

        CellTypes(ContentHandler poi, Rows rows) {
            this.rows = rows;
            setContentHandler(poi);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                rows.nextCellHeldAsText(isText(attributes.getValue("t")));
            }
            super.startElement(uri, localName, qName, attributes);
        }

        /** Shared strings, inline strings and a formula's text result; numbers (the default), booleans, errors and dates are not text. */
        private static boolean isText(String type) {
            return "s".equals(type) || "inlineStr".equals(type) || "str".equals(type);
        }
    }

    /** Collects the cells of each row and hands the row on at its end. */
    private final class Rows implements SheetContentsHandler {
        private final Consumer<RawRow> rows;
        private List<String> header;
        private String doublePublicity;
        private Map<Integer, String> cells = new HashMap<>();
        private Set<Integer> nonTextColumns = new HashSet<>();
        private boolean cellHeldAsText = true;
        private int rowNum;

        void nextCellHeldAsText(boolean text) {
            cellHeldAsText = text;
        }

        Rows(Consumer<RawRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells = new HashMap<>();
            nonTextColumns = new HashSet<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                header = new ArrayList<>();
                List<String> raw = new ArrayList<>();
                int last = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                for (int i = 0; i <= last; i++) {
                    String h = cells.getOrDefault(i, "");
                    raw.add(h);
                    header.add(Defaults.canonical(h));
                }
                doublePublicity = ColumnNames.doublePublicityKind(raw);
                return;
            }
            if (cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            Map<String, String> values = new HashMap<>();
            Set<String> nonText = new HashSet<>();
            cells.forEach((col, value) -> {
                if (col < header.size()) {
                    values.put(header.get(col), value);
                    if (nonTextColumns.contains(col)) {
                        nonText.add(header.get(col));
                    }
                }
            });
            rows.accept(defaults.apply(rowNum + 1L, values, nonText, doublePublicity));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? cells.size() : new CellReference(reference).getCol();
            cells.put(col, formattedValue == null ? "" : formattedValue);
            if (!cellHeldAsText) {
                nonTextColumns.add(col);
            }
        }
    }

    /** Dates as yyyy-MM-dd, numbers in full (no grouping, no scientific notation). */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.CHINA);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
