package org.chengxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the staff lists' tests read the same way: an exported XLSX file, and the person token of a list's address. */
public final class ListPages {

    private static final Pattern TOKEN = Pattern.compile("who=([^&]+)");

    private ListPages() {
    }

    /** The first sheet of an XLSX file as its rows of cell texts (as Excel shows them), the header first. */
    public static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(format.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The person filter's token ({@code who=...}) of a list's address; fails the test when there is none. */
    public static String token(String location) {
        Matcher m = TOKEN.matcher(location);
        assertThat(m.find()).as("the address carries a person token").isTrue();
        return m.group(1);
    }
}
