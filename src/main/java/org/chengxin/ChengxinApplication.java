package org.chengxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Chengxin personal public credit information platform, one deployable modular monolith. */
@SpringBootApplication
@EnableScheduling
public class ChengxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChengxinApplication.class, args);
    }
}
