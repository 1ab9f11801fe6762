package org.chengxin.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    /** China Standard Time: the dates of decisions, disclosure periods and office hours are local dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The platform's clock. {@code chengxin.clock.offset} (default none) moves it, for a drill on a copy of the data: what
     * the nightly jobs do on a day to come (bench/city-measure.sh). Refused in the prod profile: on real data a moved
     * clock would end records and list entries before their time.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${chengxin.clock.offset:PT0S}") Duration offset, Environment environment) {
        if (offset.isZero()) {
            return Clock.system(ZONE);
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("生产环境（prod）不得设置 chengxin.clock.offset：平台时钟偏移会使记录和名单提前到期");
        }
        log.warn("平台时钟已偏移 {}（chengxin.clock.offset）：仅用于数据副本上的演练，不得用于生产数据", offset);
        return Clock.offset(Clock.system(ZONE), offset);
    }
}
