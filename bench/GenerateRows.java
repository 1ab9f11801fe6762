import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a CSV of synthetic administrative-penalty records (item YY-GN-002) for the ingestion
 * benchmark: made-up people of Yueyang's counties with valid GB 11643 check characters, all
 * distinct. Usage: java bench/GenerateRows.java ROWS OUTPUT.csv
 */
public class GenerateRows {

    private static final String[] COUNTIES = {"430602", "430603", "430611", "430621", "430623", "430624", "430626", "430681", "430682"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰晨宇浩然";

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(20261128L);
        LocalDate today = LocalDate.now();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("sourceId,itemCode,idNumber,name,decisionDate,documentNumber,penaltyType,facts,penaltyResult,fineAmount,authority\n");
            for (int i = 0; i < rows; i++) {
                int j = i / COUNTIES.length;
                LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(j / 1000);
                String body = COUNTIES[i % COUNTIES.length] + birth.toString().replace("-", "") + String.format("%03d", j % 1000);
                int sum = 0;
                for (int k = 0; k < 17; k++) {
                    sum += (body.charAt(k) - '0') * WEIGHTS[k];
                }
                String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length()));
                LocalDate decision = today.minusDays(1 + random.nextInt(300));
                w.write("bench-" + i + ",YY-GN-002," + body + CHECK[sum % 11] + "," + name + "," + decision + ",岳市监罚〔"
                        + decision.getYear() + "〕" + i + "号,罚款,未按规定公示年度报告,罚款" + (100 + random.nextInt(5000)) + "元,"
                        + (100 + random.nextInt(5000)) + ",岳阳市市场监督管理局\n");
            }
        }
    }
}
