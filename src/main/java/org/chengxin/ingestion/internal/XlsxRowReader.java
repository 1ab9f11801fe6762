package org.chengxin.ingestion.internal;

import java.io.EOFException;
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
import java.util.zip.ZipException;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
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

    /** The most an entry of a workbook (a sheet, its shared strings) may inflate to; beyond it the file is refused. */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** The least ratio of compressed to inflated size (POI's default): a zip entry that inflates more than 100 times is a bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // POI's zip limits are global: set once, for every workbook the platform reads
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

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
        } catch (NotOfficeXmlFileException e) {
            // not a zip, or a zip without a workbook in it: no cause to look for
            throw ChengxinException.badRequest("FILE_NOT_XLSX", "文件不是有效的 Excel（XLSX）文件");
        } catch (OpenXML4JException | POIXMLException | OpenXML4JRuntimeException
                | RecordFormatException | SAXException | ParserConfigurationException e) {
            throw refusal(e, "XLSX_BROKEN", "Excel 文件已损坏或内容无法解析，请用 Excel 打开后重新另存为 .xlsx");
        } catch (IOException e) {
            // a zip that ends early or an entry that cannot be inflated: POI says so with a plain IOException
            ChengxinException refused = refusal(e, null, null);
            if (refused == null) {
                throw e;
            }
            throw refused;
        }
    }

    /**
     * The cause of an unreadable workbook, by what POI and the XML parser say in the chain of causes: a zip entry that
     * inflates too far (POI's zip bomb check, {@link ZipSecureFile}), a document type declaration (external entities are
     * never resolved: the parser refuses any DOCTYPE), a zip that is not whole; else the given code. Null when no cause
     * is known and no code given (an I/O error of the platform's own disk goes on as it is).
     */
    static ChengxinException refusal(Throwable e, String code, String message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Zip bomb") || m.contains("max size of the expanded data") || m.contains("exceed the max")) {
                return ChengxinException.badRequest("XLSX_EXPANDS_TOO_FAR", "Excel 文件解压后过大（超过 " + (MAX_ENTRY_BYTES >> 20)
                        + " MB 或压缩比异常），疑似压缩炸弹，批次未处理；请确认文件，数据量大时拆分后分批上传");
            }
            if (m.contains("DOCTYPE") || m.contains("DTD")) {
                return ChengxinException.badRequest("XLSX_EXTERNAL_ENTITY",
                        "Excel 文件中含有文档类型声明（DOCTYPE）或外部实体，平台不予读取，批次未处理；请用 Excel 重新另存为 .xlsx");
            }
            if (t instanceof ZipException || t instanceof EOFException || m.contains("Truncated") || m.contains("zip")
                    || m.contains("ZIP")) {
                return ChengxinException.badRequest("XLSX_BROKEN", "Excel 文件已损坏（压缩包不完整），请用 Excel 打开后重新另存为 .xlsx");
            }
        }
        return code == null ? null : ChengxinException.badRequest(code, message);
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
