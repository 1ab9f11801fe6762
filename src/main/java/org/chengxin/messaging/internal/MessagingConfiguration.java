package org.chengxin.messaging.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.chengxin.messaging.EmailGateway;
import org.chengxin.messaging.SentMessages;
import org.chengxin.messaging.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the adapters: {@code chengxin.sms.gateway=http} (with {@code chengxin.sms.http.url}, {@code .api-key},
 * {@code .sign}) and {@code chengxin.email.gateway=smtp} (with {@code spring.mail.*} and {@code chengxin.email.from})
 * in production; the console otherwise, which is the embedded default.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    SentMessages consoleMessages(Clock clock, @Value("${chengxin.sms.sign:【信用岳阳】}") String sign) {
        return new ConsoleMessages(clock, sign);
    }

    @Bean
    SmsGateway smsGateway(SentMessages sent, @Value("${chengxin.sms.gateway:console}") String gateway,
            @Value("${chengxin.sms.http.url:}") String url, @Value("${chengxin.sms.http.api-key:}") String apiKey,
            @Value("${chengxin.sms.sign:【信用岳阳】}") String sign, @Value("${chengxin.sms.http.timeout:PT5S}") Duration timeout) {
        ConsoleMessages console = (ConsoleMessages) sent;
        return switch (gateway) {
            case "console" -> console.sms();
            case "http" -> {
                if (url.isBlank() || apiKey.isBlank()) {
                    throw new IllegalStateException("chengxin.sms.gateway=http 需要配置 chengxin.sms.http.url 和 chengxin.sms.http.api-key");
                }
                yield new HttpSmsGateway(URI.create(url), apiKey, sign, timeout);
            }
            default -> throw new IllegalStateException("chengxin.sms.gateway 只能是 console 或 http：" + gateway);
        };
    }

    @Bean
    EmailGateway emailGateway(SentMessages sent, @Value("${chengxin.email.gateway:console}") String gateway,
            ObjectProvider<JavaMailSender> mail, @Value("${chengxin.email.from:noreply@localhost}") String from) {
        ConsoleMessages console = (ConsoleMessages) sent;
        return switch (gateway) {
            case "console" -> console.email();
            case "smtp" -> new SmtpEmailGateway(mail.getIfAvailable(() -> {
                throw new IllegalStateException("chengxin.email.gateway=smtp 需要配置 spring.mail.host");
            }), from);
            default -> throw new IllegalStateException("chengxin.email.gateway 只能是 console 或 smtp：" + gateway);
        };
    }
}
