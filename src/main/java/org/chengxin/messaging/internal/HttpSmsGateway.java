package org.chengxin.messaging.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.chengxin.messaging.MessageNotSent;
import org.chengxin.messaging.SmsGateway;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An HTTP SMS gateway (the city's or an operator's): {@code POST url} with a JSON body {@code {"mobile", "content",
 * "sign"}} and the key as a bearer token; any 2xx is taken as accepted. A refusal or a timeout is a
 * {@link MessageNotSent} naming the status only: neither the number nor the text goes into it.
 */
class HttpSmsGateway implements SmsGateway {

    private final RestClient http;
    private final URI url;
    private final String apiKey;
    private final String sign;

    HttpSmsGateway(URI url, String apiKey, String sign, Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(factory).build();
        this.url = url;
        this.apiKey = apiKey;
        this.sign = sign;
    }

    @Override
    public void send(String mobile, String text) {
        try {
            http.post().uri(url).contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(apiKey))
                    .body(Map.of("mobile", mobile, "content", text, "sign", sign))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw new MessageNotSent("SMS_GATEWAY_HTTP_" + e.getStatusCode().value(), "短信网关拒绝：HTTP " + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            throw new MessageNotSent("SMS_GATEWAY_UNREACHABLE", "短信网关无法连接或超时");
        } catch (RestClientException e) {
            throw new MessageNotSent("SMS_GATEWAY_ERROR", "短信网关调用失败");
        }
    }

    @Override
    public String name() {
        return "HTTP 短信网关 " + url.getHost();
    }
}
