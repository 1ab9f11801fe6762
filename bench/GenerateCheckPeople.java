import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes the people of the measures benchmark into DIR: PEOPLE made-up residents of Yueyang's counties
 * with valid GB 11643 check characters, all distinct (the same numbering as GenerateRows.java).
 * <ul>
 * <li>{@code penalties.csv}: one general administrative penalty (YY-GN-002) for each of them, pushed
 * by the demo client (scjg), so that every person has a blind index and a record (grade A);</li>
 * <li>{@code grave.csv}: three grave penalties (YY-IP-002, 假冒专利) for every 20th person, which take
 * them to grade C (a punishment on matter XZSP);</li>
 * <li>{@code honours.csv}: three good-credit records (YY-PQ-003) for every 20th person from the 10th,
 * which take them to AAA (incentives on XZSP);</li>
 * <li>{@code numbers.txt}: every number, one a line, for the wrk script (never logged).</li>
 * </ul>
 * A person has the same made-up name in every file. Usage: java bench/GenerateCheckPeople.java PEOPLE DIR
 */
public class GenerateCheckPeople {

    private static final String[] COUNTIES = {"430602", "430603", "430611", "430621", "430623", "430624", "430626", "430681", "430682"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰晨宇浩然";
    private static final String HEADER = "sourceId,itemCode,idNumber,name,decisionDate,documentNumber,";

    public static void main(String[] args) throws IOException {
        int people = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Random random = new Random(20261128L);
        LocalDate today = LocalDate.now();
        try (BufferedWriter penalties = writer(dir.resolve("penalties.csv"));
                BufferedWriter grave = writer(dir.resolve("grave.csv"));
                BufferedWriter honours = writer(dir.resolve("honours.csv"));
                BufferedWriter numbers = writer(dir.resolve("numbers.txt"))) {
            penalties.write(HEADER + "penaltyType,facts,penaltyResult,fineAmount,authority\n");
            grave.write(HEADER + "facts,penaltyResult,patentNumber,fineAmount,authority\n");
            honours.write(HEADER + "honourTitle,awardingAuthority,honourLevel\n");
            for (int i = 0; i < people; i++) {
                String number = number(i);
                String name = name(i);
                numbers.write(number + "\n");
                LocalDate decision = today.minusDays(1 + random.nextInt(300));
                penalties.write("bench-" + i + ",YY-GN-002," + number + "," + name + "," + decision + ",岳市监罚〔" + decision.getYear()
                        + "〕" + i + "号,罚款,未按规定公示年度报告,罚款" + (100 + random.nextInt(5000)) + "元," + (100 + random.nextInt(5000))
                        + ",岳阳市市场监督管理局\n");
                for (int k = 0; k < 3 && i % 20 == 0; k++) {
                    LocalDate d = today.minusDays(1 + random.nextInt(150));
                    grave.write("bench-grave-" + i + "-" + k + ",YY-IP-002," + number + "," + name + "," + d + ",岳市监罚〔" + d.getYear()
                            + "〕G" + i + "-" + k + "号,在商品包装上标注他人专利号,没收违法所得并处罚款," + ",20000,岳阳市市场监督管理局\n");
                }
                for (int k = 0; k < 3 && i % 20 == 10; k++) {
                    LocalDate d = today.minusDays(1 + random.nextInt(300));
                    honours.write("bench-honour-" + i + "-" + k + ",YY-PQ-003," + number + "," + name + "," + d + ",岳市监表〔" + d.getYear()
                            + "〕H" + i + "-" + k + "号,产品质量先进个人,岳阳市市场监督管理局,市级\n");
                }
            }
        }
    }

    private static BufferedWriter writer(Path path) throws IOException {
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    private static String number(int i) {
        int j = i / COUNTIES.length;
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(j / 1000);
        String body = COUNTIES[i % COUNTIES.length] + birth.toString().replace("-", "") + String.format("%03d", j % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + CHECK[sum % 11];
    }

    private static String name(int i) {
        Random r = new Random(i * 2654435761L);
        return "" + SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + GIVEN.charAt(r.nextInt(GIVEN.length()));
    }
}
