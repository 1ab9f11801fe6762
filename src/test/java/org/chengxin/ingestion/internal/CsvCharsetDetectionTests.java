package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.text.UnicodeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which charset a CSV upload is read in when the uploader names none. */
class CsvCharsetDetectionTests {

    private static final int SNIFF = 64 * 1024;
    private static final Charset GBK = Charset.forName("GBK");
    private static final String CSV = "来源编号,姓名,违法事实\nSCJG-1,张三,销售超过保质期的食品\n";

    @TempDir
    Path dir;

    @Test
    void utf8WithABomIsUtf8() throws IOException {
        Path file = write(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CSV.getBytes(StandardCharsets.UTF_8)));

        assertThat(CsvRowReader.detect(file)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8WithoutABomIsUtf8() throws IOException {
        assertThat(CsvRowReader.detect(write(CSV.getBytes(StandardCharsets.UTF_8)))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void plainAsciiAndAnEmptyFileAreUtf8() throws IOException {
        assertThat(CsvRowReader.detect(write("sourceId,name\nS1,Zhang San\n".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvRowReader.detect(write(new byte[0]))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkIsReadAsGb18030() throws IOException {
        assertThat(CsvRowReader.detect(write(CSV.getBytes(GBK)))).isEqualTo(TextDecoding.GB18030);
    }

    @Test
    void gbkAfterALongAsciiStartIsStillFoundWithinTheSniffedPart() throws IOException {
        byte[] ascii = ascii(SNIFF - 100);

        assertThat(CsvRowReader.detect(write(concat(ascii, "张三".getBytes(GBK))))).isEqualTo(TextDecoding.GB18030);
    }

    @Test
    void gb18030FourByteCharactersAreGb18030() throws IOException {
        byte[] rareName = "姓名\n𠀀三\n".getBytes(TextDecoding.GB18030);

        assertThat(CsvRowReader.detect(write(rareName))).isEqualTo(TextDecoding.GB18030);
    }

    @ParameterizedTest(name = "{0} bytes of it before the boundary")
    @ValueSource(ints = {1, 2})
    void aCharacterCutAtTheSniffBoundaryIsStillUtf8(int bytesBefore) throws IOException {
        byte[] filler = ascii(SNIFF - bytesBefore);
        byte[] rest = "诚信,张三\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvRowReader.detect(write(concat(filler, rest)))).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} bytes of it before the boundary")
    @ValueSource(ints = {1, 2, 3})
    void aFourByteCharacterCutAtTheSniffBoundaryIsStillUtf8(int bytesBefore) throws IOException {
        byte[] filler = ascii(SNIFF - bytesBefore);
        byte[] rest = "𠀀三\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvRowReader.detect(write(concat(filler, rest)))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithANameAcrossTheBoundaryIsReadWhole() throws IOException {
        String header = "来源编号(sourceId),姓名(name)\n";
        int before = header.getBytes(StandardCharsets.UTF_8).length + "S0,\n".length() + "S1,".length();
        // the first character of the second row's name starts on the sniffed part's last byte
        String csv = header + "S0," + "a".repeat(SNIFF - 1 - before) + "\n" + "S1,诚信张三\n" + "S2,李四\n";
        Path file = write(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(csv.getBytes(StandardCharsets.UTF_8)[SNIFF - 1]).isEqualTo("诚".getBytes(StandardCharsets.UTF_8)[0]);
        List<RawRow> rows = new ArrayList<>();

        new CsvRowReader(null, new Defaults(null, null, null)).read(file, rows::add);

        assertThat(rows).extracting(r -> r.get("name")).containsExactly("a".repeat(SNIFF - 1 - before), "诚信张三", "李四");
    }

    @Test
    void aGbkFileIsReadInGb18030() throws IOException {
        List<RawRow> rows = new ArrayList<>();

        new CsvRowReader(null, new Defaults(null, null, null)).read(write(CSV.getBytes(GBK)), rows::add);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("sourceId")).isEqualTo("SCJG-1");
            assertThat(r.get("name")).isEqualTo("张三");
            assertThat(r.get("违法事实")).isEqualTo("销售超过保质期的食品");
        });
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".csv");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] ascii(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 50 == 49 ? '\n' : 'a' + i % 26);
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    @Test
    void aLargeFileIsReadToTheEndToTellUtf8FromGbk(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("row-").append(i).append(",ascii only here\n");
        }
        String tail = "最后一行,中文内容\n";
        Path gbk = dir.resolve("late-gbk.csv");
        Files.write(gbk, (text + tail).getBytes(Charset.forName("GBK")));
        Path utf8 = dir.resolve("late-utf8.csv");
        Files.write(utf8, (text + tail.repeat(30_000)).getBytes(StandardCharsets.UTF_8));

        Assertions.assertThat(CsvRowReader.detect(gbk)).isEqualTo(TextDecoding.GB18030);
        Assertions.assertThat(CsvRowReader.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aUtf8FileWithAFewBrokenSequencesIsStillUtf8AndOnlyTheirRowsHoldTheMarker() throws IOException {
        StringBuilder csv = new StringBuilder("sourceId,name\n");
        for (int i = 0; i < 40; i++) {
            csv.append("S").append(i).append(",诚信张三\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        // a lone surrogate as a careless program writes it, and a character cut in two
        byte[] broken = concat(good, concat("S98,张".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA1, (byte) 0x82, '\n'}));
        broken = concat(broken, concat("S99,李".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE5, (byte) 0x9B, '\n'}));
        Path file = write(broken);

        assertThat(CsvRowReader.detect(file)).isEqualTo(StandardCharsets.UTF_8);
        List<RawRow> rows = new ArrayList<>();
        new CsvRowReader(null, new Defaults(null, "P", "L")).read(file, rows::add);
        assertThat(rows).hasSize(42);
        assertThat(rows.subList(0, 40)).allSatisfy(r -> assertThat(r.get("name")).isEqualTo("诚信张三"));
        assertThat(rows.get(40).get("name")).startsWith("张").contains(String.valueOf(UnicodeText.UNDECODABLE));
        assertThat(rows.get(41).get("name")).startsWith("李").contains(String.valueOf(UnicodeText.UNDECODABLE));
    }

    @Test
    void aGbkFileIsNotTakenForUtf8EvenWhereSomeOfItsPairsLookLikeUtf8() throws IOException {
        StringBuilder names = new StringBuilder("sourceId,name\n");
        String common = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
        for (int i = 0; i < common.length(); i++) {
            names.append("S").append(i).append(',').append(common.charAt(i)).append("某某\n");
        }
        assertThat(CsvRowReader.detect(write(names.toString().getBytes(GBK)))).isEqualTo(TextDecoding.GB18030);
    }
}
