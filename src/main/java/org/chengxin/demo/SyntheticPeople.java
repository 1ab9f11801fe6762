package org.chengxin.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.chengxin.shared.id.IdNumber;

/**
 * Made-up residents of Yueyang: ID numbers with correct check characters and random, invented
 * names. No real person is meant; the generator is seeded so every demo has the same people.
 */
final class SyntheticPeople {

    static final String[] COUNTIES = {"430602", "430603", "430611", "430621", "430623", "430624", "430626", "430681", "430682"};
    private static final String SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段洪钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰晨宇浩然子涵欣怡思雨梓萱俊熙一诺嘉怡博文家豪梦琪雅婷晓东春燕海波文静立新振华湘楠岳洞庭君山汨";

    record Person(IdNumber idNumber, String name) {
    }

    private SyntheticPeople() {
    }

    static List<Person> generate(int count, long seed, Clock clock) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>(count);
        LocalDate first = LocalDate.of(1950, 1, 1);
        int days = (int) (LocalDate.of(2006, 12, 31).toEpochDay() - first.toEpochDay());
        Set<String> seen = new HashSet<>();
        while (people.size() < count) {
            LocalDate birth = first.plusDays(random.nextInt(days));
            String body = COUNTIES[random.nextInt(COUNTIES.length)]
                    + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000));
            if (!seen.add(body)) {
                continue;
            }
            IdNumber number = IdNumber.parse(body + IdNumber.checkCharacterOf(body), clock);
            people.add(new Person(number, name(random)));
        }
        return people;
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
