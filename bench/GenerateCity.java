import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a synthetic Yueyang (issue 17, item 4): RESIDENTS made-up residents for the population register and RECORDS credit
 * records across every item of the catalog, as the files the platform's own loading paths take.
 * <ul>
 * <li>{@code register/register-NN.csv}: 身份证号, 姓名, 手机号码, {@value #REGISTER_ROWS_PER_FILE} rows a file (about 16 MB,
 * under the 20 MB the register import accepts). Numbers are valid GB 11643 numbers (check character computed) of Yueyang's
 * ten county-level codes weighted by their population, birth dates following the city's age pyramid, all distinct; names
 * drawn from a surname frequency list and given-name characters (made up: no real person); mobile numbers in one
 * synthetic block (199 0xxx xxxx), missing for young children and some others.</li>
 * <li>{@code records/<department>-NN.csv}: the records each department pushes (POST /api/v1/record-batches, CSV with the
 * union of its items' fields as header), at most {@value #RECORD_ROWS_PER_FILE} rows a file. Most people have none, a long
 * tail has many; items are weighted (many licences and honours, fewer penalties, few serious ones); decision dates spread
 * over each item's disclosure period (up to three years back), so that many have passed their minimum period.</li>
 * <li>{@code summary.txt}: the counts per county, age band, item and department.</li>
 * </ul>
 * Only people aged 21 or more get records (so that adults-only items always fit). The same seed gives the same city.
 * Usage: java bench/GenerateCity.java RESIDENTS RECORDS DIR [CATALOG_JSON]
 */
public class GenerateCity {

    static final int REGISTER_ROWS_PER_FILE = 400_000;
    static final int RECORD_ROWS_PER_FILE = 500_000;

    /** County-level codes of Yueyang (chengxin.city.divisions) and their approximate share of the population, per mille. */
    private static final String[] COUNTIES = {"430602", "430603", "430611", "430621", "430623", "430624", "430626", "430681", "430682", "430600"};
    private static final int[] COUNTY_WEIGHTS = {205, 35, 40, 125, 105, 120, 170, 120, 75, 5};
    /** Share of each five-year age band 0-4 .. 95-99, in tenths of a percent (an ageing prefecture-level city). */
    private static final int[] AGE_BANDS = {42, 58, 62, 54, 46, 52, 76, 68, 64, 79, 90, 86, 62, 60, 44, 28, 17, 8, 3, 1};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Surnames with their approximate frequency (per ten thousand), the common ones of Hunan first. */
    private static final String[] SURNAMES = ("刘:720 李:700 陈:560 王:540 张:520 彭:300 黄:290 周:260 罗:250 胡:240 杨:230 谢:200 吴:190 "
            + "易:180 邓:170 曾:170 唐:160 赵:150 徐:140 孙:120 朱:120 何:120 郭:110 马:100 林:100 高:100 郑:90 梁:90 宋:80 许:80 "
            + "韩:70 冯:70 曹:70 肖:70 田:60 董:60 袁:60 潘:60 余:60 蒋:60 蔡:50 杜:50 叶:50 程:50 苏:50 魏:50 吕:50 丁:50 任:50 "
            + "沈:40 姚:40 卢:40 钟:40 谭:60 汪:40 范:40 石:40 廖:50 夏:40 方:40 邹:50 熊:40 秦:30 邱:30 江:30 尹:30 段:30 雷:30 "
            + "侯:30 龙:30 陶:30 黎:40 贺:40 毛:40 龚:30 邵:30 万:30 严:30 戴:30 向:30 汤:30 文:30 付:30 喻:20 鲁:20 柳:20 晏:20 "
            + "甘:20 左:20 欧阳:10 司马:2 上官:2").split(" ");
    private static final String MALE = "伟强军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林洋磊峰建国志文东亮海晨博睿轩浩然泽航豪皓翔嘉毅诚正德荣兵春生金安";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英华玲桂兰红梅琳燕萍雪倩婷颖慧佳欣怡雨萱涵诗思婉晴悦可馨妍琪淑珍凤玉蓉月琴洁丹莉";
    /** People with records, per thousand adults (21 or older), and the range of their count. */
    private static final int[][] TIERS = {{300, 1, 2}, {150, 3, 10}, {60, 11, 40}, {10, 41, 200}, {1, 201, 1000}};

    private static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("fgw", "岳阳市发展和改革委员会（市社会信用体系建设领导小组办公室）"),
            Map.entry("zwfw", "岳阳市政务服务中心"),
            Map.entry("gaj", "岳阳市公安局"),
            Map.entry("scjg", "岳阳市市场监督管理局"),
            Map.entry("swj", "国家税务总局岳阳市税务局"),
            Map.entry("rsj", "岳阳市人力资源和社会保障局"),
            Map.entry("sthj", "岳阳市生态环境局"),
            Map.entry("jtys", "岳阳市交通运输局"),
            Map.entry("zjj", "岳阳市住房和城乡建设局"),
            Map.entry("wjw", "岳阳市卫生健康委员会"),
            Map.entry("jyj", "岳阳市教育局"),
            Map.entry("mzj", "岳阳市民政局"),
            Map.entry("sfj", "岳阳市司法局"),
            Map.entry("czj", "岳阳市财政局"),
            Map.entry("zrzy", "岳阳市自然资源和规划局"),
            Map.entry("yjj", "岳阳市应急管理局"),
            Map.entry("xfzd", "岳阳市消防救援支队"),
            Map.entry("zy", "岳阳市中级人民法院"),
            Map.entry("jcy", "岳阳市人民检察院"),
            Map.entry("ybj", "岳阳市医疗保障局"),
            Map.entry("nyj", "岳阳市农业农村局"),
            Map.entry("wlj", "岳阳市文化旅游广电体育局"),
            Map.entry("swuj", "岳阳市商务局"),
            Map.entry("slj", "岳阳市水利局"),
            Map.entry("lyj", "岳阳市林业局"),
            Map.entry("cgj", "岳阳市城市管理和综合执法局"),
            Map.entry("tyjr", "岳阳市退役军人事务局"),
            Map.entry("kjj", "岳阳市科学技术局"),
            Map.entry("gxj", "岳阳市工业和信息化局"),
            Map.entry("sjj", "岳阳市审计局"),
            Map.entry("tjj", "岳阳市统计局"),
            Map.entry("jrb", "岳阳市地方金融管理局"),
            Map.entry("rmyh", "中国人民银行岳阳市分行"),
            Map.entry("jrjg", "国家金融监督管理总局岳阳监管分局"),
            Map.entry("gjj", "岳阳市住房公积金管理中心"),
            Map.entry("ggzy", "岳阳市公共资源交易中心"),
            Map.entry("sjzy", "岳阳市数据资源局"),
            Map.entry("zgh", "岳阳市总工会"),
            Map.entry("tsw", "共青团岳阳市委员会"),
            Map.entry("zzb", "中共岳阳市委组织部"),
            Map.entry("wmb", "岳阳市精神文明建设指导委员会办公室"),
            Map.entry("lsxh", "岳阳市律师协会"),
            Map.entry("kjxh", "岳阳市注册会计师协会"),
            Map.entry("fdcxh", "岳阳市房地产中介行业协会"),
            Map.entry("zxjg", "岳阳示例征信服务有限公司"));
    private static final String[] SURNAME_TEXT = new String[SURNAMES.length];
    private static final int[] SURNAME_WEIGHTS = new int[SURNAMES.length];
    private static int SURNAME_TOTAL;

    static {
        for (int k = 0; k < SURNAMES.length; k++) {
            SURNAME_TEXT[k] = SURNAMES[k].substring(0, SURNAMES[k].indexOf(':'));
            SURNAME_WEIGHTS[k] = Integer.parseInt(SURNAMES[k].substring(SURNAMES[k].indexOf(':') + 1));
            SURNAME_TOTAL += SURNAME_WEIGHTS[k];
        }
    }

    private final int residents;
    private final long records;
    private final Path dir;
    private final LocalDate today = LocalDate.now();
    private final Random random = new Random(20261207L);
    private final byte[] county;
    private final int[] birth;
    private final short[] sequence;

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java bench/GenerateCity.java RESIDENTS RECORDS DIR [CATALOG_JSON]");
            System.exit(2);
        }
        Path catalog = Path.of(args.length > 3 ? args[3] : "src/main/resources/catalog/yueyang-catalog.json");
        GenerateCity city = new GenerateCity(Integer.parseInt(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
        long start = System.nanoTime();
        city.people();
        city.register();
        city.records(Catalog.read(catalog));
        System.out.printf("generated %,d residents and %,d records into %s in %.1f s%n", city.residents, city.records, city.dir,
                (System.nanoTime() - start) / 1e9);
    }

    GenerateCity(int residents, long records, Path dir) {
        this.residents = residents;
        this.records = records;
        this.dir = dir;
        this.county = new byte[residents];
        this.birth = new int[residents];
        this.sequence = new short[residents];
    }

    // ---------------------------------------------------------------------------------------------------------- people

    /** Draws every person's county, birth date and sequence number (distinct numbers: a counter per county and day). */
    void people() {
        int minDay = (int) today.minusYears(100).toEpochDay();
        int days = (int) today.toEpochDay() - minDay + 1;
        short[][] used = new short[COUNTIES.length][days];
        int countyTotal = sum(COUNTY_WEIGHTS);
        int ageTotal = sum(AGE_BANDS);
        for (int i = 0; i < residents; i++) {
            int c = pick(COUNTY_WEIGHTS, countyTotal, random);
            int band = pick(AGE_BANDS, ageTotal, random);
            int ageDays = (int) ((band * 5 + random.nextDouble() * 5) * 365.2425);
            int day = Math.max(0, Math.min(days - 1, (int) today.toEpochDay() - ageDays - minDay));
            boolean male = random.nextInt(1000) < 505;
            while (used[c][day] >= 498) {
                day = day == 0 ? days - 1 : day - 1;
            }
            int n = used[c][day]++;
            county[i] = (byte) c;
            birth[i] = minDay + day;
            // the n-th person of a county and day gets a distinct number in 1..998, spread over the range (499 is prime)
            int spread = (int) ((n * 211L + (c * 7919L + day) * 104729L) % 499);
            sequence[i] = (short) (2 * spread + (male ? 1 : 2));
        }
    }

    String number(int i) {
        String body = COUNTIES[county[i]] + LocalDate.ofEpochDay(birth[i]).toString().replace("-", "") + String.format("%03d", sequence[i]);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + CHECK[sum % 11];
    }

    boolean male(int i) {
        return sequence[i] % 2 == 1;
    }

    int age(int i) {
        return (int) ((today.toEpochDay() - birth[i]) / 365.2425);
    }

    /** A made-up name, the same every time for the same person (its own seeded draw). */
    String name(int i) {
        Random r = new Random(i * 2654435761L + 17);
        String surname = SURNAME_TEXT[pick(SURNAME_WEIGHTS, SURNAME_TOTAL, r)];
        String chars = male(i) ? MALE : FEMALE;
        // older people more often have a one-character given name
        boolean one = r.nextInt(100) < (age(i) > 50 ? 35 : 15);
        StringBuilder name = new StringBuilder(surname).append(chars.charAt(r.nextInt(chars.length())));
        if (!one) {
            name.append(chars.charAt(r.nextInt(chars.length())));
        }
        return name.toString();
    }

    String mobile(int i) {
        if (age(i) < 12 || Math.floorMod(i * 31 + 7, 100) < 6) {
            return "";
        }
        return "199" + String.format("%08d", i);
    }

    void register() throws IOException {
        Path out = Files.createDirectories(dir.resolve("register"));
        BufferedWriter w = null;
        for (int i = 0; i < residents; i++) {
            if (i % REGISTER_ROWS_PER_FILE == 0) {
                if (w != null) {
                    w.close();
                }
                w = Files.newBufferedWriter(out.resolve(String.format("register-%02d.csv", i / REGISTER_ROWS_PER_FILE + 1)), StandardCharsets.UTF_8);
                w.write("身份证号,姓名,手机号码\n");
            }
            w.write(number(i) + "," + name(i) + "," + mobile(i) + "\n");
        }
        if (w != null) {
            w.close();
        }
    }

    // --------------------------------------------------------------------------------------------------------- records

    record Field(String name, String type, boolean required, String role) {
    }

    record Item(String code, String name, String kind, String severity, int maxMonths, List<String> departments, List<Field> fields) {
    }

    /** How often an item is decided, relative: many licences and honours, fewer penalties, few serious ones. */
    static int weight(Item item) {
        return switch (item.code()) {
            case "YY-GN-001" -> 4000;
            case "YY-VL-002" -> 1200;
            case "YY-VL-004" -> 500;
            case "YY-TX-003" -> 300;
            case "YY-GN-003" -> 700;
            case "YY-GN-002" -> 800;
            default -> switch (item.kind()) {
                case "GOOD_CREDIT" -> 200;
                case "BASIC", "OTHER" -> 100;
                default -> switch (item.severity() == null ? "" : item.severity()) {
                    case "MINOR" -> 500;
                    case "GENERAL" -> 60;
                    case "GRAVE" -> 25;
                    default -> 8;
                };
            };
        };
    }

    void records(List<Item> items) throws IOException {
        // the departments open to '*' items: every government department that pushes some item itself
        Set<String> departments = new LinkedHashSet<>();
        items.forEach(it -> it.departments().stream().filter(d -> !d.equals("*")).forEach(departments::add));
        List<String> everyone = new ArrayList<>(departments);
        everyone.removeAll(List.of("lsxh", "kjxh", "fdcxh"));
        Map<String, Set<String>> headers = new TreeMap<>();
        for (Item it : items) {
            for (String d : it.departments().equals(List.of("*")) ? everyone : it.departments()) {
                Set<String> h = headers.computeIfAbsent(d, k -> new LinkedHashSet<>());
                it.fields().forEach(f -> h.add(f.name()));
            }
        }
        int[] weights = items.stream().mapToInt(GenerateCity::weight).toArray();
        int weightTotal = sum(weights);

        // how many records each person has: a tier per adult, then scaled so that the counts add up to RECORDS exactly
        int[] count = new int[residents];
        long drawn = 0;
        Random tiers = new Random(7L);
        for (int i = 0; i < residents; i++) {
            int x = tiers.nextInt(1000);
            if (age(i) < 21) {
                continue;
            }
            for (int[] t : TIERS) {
                if (x < t[0]) {
                    count[i] = t[1] + tiers.nextInt(t[2] - t[1] + 1);
                    break;
                }
                x -= t[0];
            }
            drawn += count[i];
        }
        double scale = drawn == 0 ? 0 : (double) records / drawn;
        double carry = 0;
        long assigned = 0;
        int last = -1;
        for (int i = 0; i < residents; i++) {
            if (count[i] > 0) {
                double want = count[i] * scale + carry;
                int c = Math.max(0, (int) Math.floor(want));
                carry = want - c;
                count[i] = c;
                assigned += c;
                if (c > 0) {
                    last = i;
                }
            }
        }
        if (last >= 0) {
            count[last] += (int) (records - assigned);
        }

        Path out = Files.createDirectories(dir.resolve("records"));
        Map<String, Writer> writers = new TreeMap<>();
        long[] perItem = new long[items.size()];
        int[] histogram = new int[8];
        for (int i = 0; i < residents; i++) {
            histogram[bucket(count[i])]++;
            if (count[i] == 0) {
                continue;
            }
            String number = number(i);
            String name = name(i);
            for (int k = 0; k < count[i]; k++) {
                int which = pick(weights, weightTotal, random);
                Item item = items.get(which);
                perItem[which]++;
                List<String> open = item.departments().equals(List.of("*")) ? everyone : item.departments();
                String department = open.get(random.nextInt(open.size()));
                Writer w = writers.computeIfAbsent(department, d -> new Writer(out, d, headers.get(d)));
                w.write(item, number, name, decision(item), random);
            }
        }
        for (Writer w : writers.values()) {
            w.close();
        }
        summary(items, perItem, writers, histogram);
    }

    /** A decision date within the item's disclosure period (never older: the push would refuse it). */
    LocalDate decision(Item item) {
        int span = Math.max(30, item.maxMonths() * 30 - 3);
        return today.minusDays(1 + random.nextInt(span));
    }

    static int bucket(int n) {
        return n == 0 ? 0 : n <= 2 ? 1 : n <= 10 ? 2 : n <= 40 ? 3 : n <= 200 ? 4 : n <= 1000 ? 5 : 6;
    }

    void summary(List<Item> items, long[] perItem, Map<String, Writer> writers, int[] histogram) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(String.format("residents %,d, records %,d, generated %s%n%nresidents per county:%n", residents, records, today));
        long[] perCounty = new long[COUNTIES.length];
        long[] perBand = new long[21];
        for (int i = 0; i < residents; i++) {
            perCounty[county[i]]++;
            perBand[Math.min(20, age(i) / 5)]++;
        }
        for (int c = 0; c < COUNTIES.length; c++) {
            s.append(String.format("  %s %,10d%n", COUNTIES[c], perCounty[c]));
        }
        s.append("residents per age band:\n");
        for (int b = 0; b < 21; b++) {
            s.append(String.format("  %3d-%3d %,10d%n", b * 5, b * 5 + 4, perBand[b]));
        }
        String[] buckets = {"0", "1-2", "3-10", "11-40", "41-200", "201-1000", ">1000"};
        s.append("people by number of records:\n");
        for (int b = 0; b < 7; b++) {
            s.append(String.format("  %-9s %,10d%n", buckets[b], histogram[b]));
        }
        s.append("records per item:\n");
        for (int k = 0; k < items.size(); k++) {
            s.append(String.format("  %s %-12s %,10d  %s%n", items.get(k).code(), items.get(k).kind(), perItem[k], items.get(k).name()));
        }
        s.append("records per department (files):\n");
        writers.forEach((d, w) -> s.append(String.format("  %-6s %,10d (%d files)%n", d, w.rows, w.part)));
        Files.writeString(dir.resolve("summary.txt"), s.toString(), StandardCharsets.UTF_8);
        System.out.print(s);
    }

    /** One department's push files. */
    static final class Writer {
        private final Path dir;
        private final String department;
        private final List<String> fields;
        private BufferedWriter out;
        long rows;
        int part;

        Writer(Path dir, String department, Set<String> fields) {
            this.dir = dir;
            this.department = department;
            this.fields = new ArrayList<>(fields);
        }

        void write(Item item, String number, String name, LocalDate decision, Random random) {
            try {
                if (rows % RECORD_ROWS_PER_FILE == 0) {
                    close();
                    part++;
                    out = Files.newBufferedWriter(dir.resolve(String.format("%s-%02d.csv", department, part)), StandardCharsets.UTF_8);
                    out.write("sourceId,itemCode,idNumber,name,decisionDate,documentNumber," + String.join(",", fields) + "\n");
                }
                rows++;
                StringBuilder line = new StringBuilder(256);
                line.append("city-").append(department).append('-').append(rows).append(',').append(item.code()).append(',')
                        .append(number).append(',').append(name).append(',').append(decision).append(',');
                if (item.kind().equals("DISHONESTY") || random.nextBoolean()) {
                    line.append(abbreviation()).append("决〔").append(decision.getYear()).append("〕").append(rows).append("号");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Field f : item.fields()) {
                    if (f.required() || random.nextInt(3) > 0) {
                        values.put(f.name(), value(f, item, decision, random));
                    }
                }
                for (String f : fields) {
                    line.append(',');
                    String v = values.get(f);
                    if (v != null) {
                        line.append(v);
                    }
                }
                out.write(line.append('\n').toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void close() throws java.io.UncheckedIOException {
            try {
                if (out != null) {
                    out.close();
                    out = null;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** 岳 and the first two characters of the department's own name: 岳市场, 岳公安, ... */
        private String abbreviation() {
            String name = DEPARTMENTS.getOrDefault(department, "岳阳市有关部门").replace("国家税务总局", "").replace("中国人民银行", "")
                    .replace("国家金融监督管理总局", "").replace("中共", "").replace("共青团", "").replace("岳阳市", "");
            return "岳" + name.substring(0, Math.min(2, name.length()));
        }

        private String value(Field f, Item item, LocalDate decision, Random random) {
            String n = f.name().toLowerCase();
            return switch (f.type()) {
                case "DATE" -> (n.contains("end") || n.contains("to") || n.contains("lifted") ? decision.plusDays(180 + random.nextInt(900))
                        : decision.minusDays(random.nextInt(200))).toString();
                case "DECIMAL" -> Integer.toString(100 * (1 + random.nextInt(random.nextInt(10) < 8 ? 50 : 2000)));
                case "INTEGER" -> n.contains("year") ? Integer.toString(decision.getYear() - 1) : Integer.toString(1 + random.nextInt(30));
                case "BOOLEAN" -> random.nextBoolean() ? "是" : "否";
                case "IDENTIFIER" -> "YY" + (char) ('A' + random.nextInt(26)) + "-" + decision.getYear() + "-" + (1000 + random.nextInt(9000));
                default -> switch (f.role() == null ? "" : f.role()) {
                    case "FACTS" -> "经查，当事人存在" + item.name() + "的情形（模拟数据）";
                    case "RESULT" -> random.nextBoolean() ? "警告" : "罚款并责令改正";
                    case "AUTHORITY" -> DEPARTMENTS.getOrDefault(department, "岳阳市有关部门");
                    case "DECISION_BASIS" -> "依据有关法律法规的规定";
                    default -> f.name().equals("honourLevel") ? (random.nextBoolean() ? "市级" : "县级") : "模拟" + (1 + random.nextInt(999));
                };
            };
        }
    }

    // --------------------------------------------------------------------------------------------------------- helpers

    static int sum(int[] weights) {
        int s = 0;
        for (int w : weights) {
            s += w;
        }
        return s;
    }

    static int pick(int[] weights, int total, Random random) {
        int x = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** Just enough JSON to read the catalog's items (no library on a single-file program's class path). */
    static final class Catalog {
        private final String s;
        private int p;

        private Catalog(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static List<Item> read(Path path) throws IOException {
            Map<String, Object> root = (Map<String, Object>) new Catalog(Files.readString(path, StandardCharsets.UTF_8)).value();
            List<Item> items = new ArrayList<>();
            for (Object o : (List<Object>) root.get("items")) {
                Map<String, Object> it = (Map<String, Object>) o;
                List<Field> fields = new ArrayList<>();
                for (Object f : (List<Object>) it.get("fields")) {
                    Map<String, Object> m = (Map<String, Object>) f;
                    fields.add(new Field((String) m.get("name"), (String) m.get("type"), Boolean.TRUE.equals(m.get("required")), (String) m.get("role")));
                }
                items.add(new Item((String) it.get("code"), (String) it.get("name"), (String) it.get("kind"), (String) it.get("severity"),
                        ((Number) it.get("maxMonths")).intValue(), (List<String>) (List<?>) it.get("departments"), fields));
            }
            return items;
        }

        private Object value() {
            skip();
            char c = s.charAt(p);
            switch (c) {
                case '{' -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    p++;
                    skip();
                    if (s.charAt(p) == '}') {
                        p++;
                        return m;
                    }
                    while (true) {
                        skip();
                        String k = string();
                        skip();
                        p++; // ':'
                        m.put(k, value());
                        skip();
                        if (s.charAt(p++) == '}') {
                            return m;
                        }
                    }
                }
                case '[' -> {
                    List<Object> l = new ArrayList<>();
                    p++;
                    skip();
                    if (s.charAt(p) == ']') {
                        p++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        skip();
                        if (s.charAt(p++) == ']') {
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = p;
                    while (p < s.length() && ",}] \n\r\t".indexOf(s.charAt(p)) < 0) {
                        p++;
                    }
                    String t = s.substring(start, p);
                    return switch (t) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.valueOf(t);
                    };
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            p++;
            while (s.charAt(p) != '"') {
                char c = s.charAt(p++);
                if (c == '\\') {
                    char e = s.charAt(p++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                            p += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            p++;
            return b.toString();
        }

        private void skip() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
        }
    }
}
