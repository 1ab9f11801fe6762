package org.chengxin.shared.error;

import org.chengxin.shared.text.UnicodeText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of a JSON request body is examined as it is read: a control character other than
 * tab and line breaks, a lone surrogate ({@code "\ud800"}) or a non-character is refused with
 * {@value UnfitInputFilter#CODE}, naming the field, before the value can reach the database (which
 * refuses NUL) and end in a 500. Rows of a pushed record batch are read by the ingestion module's own
 * reader and refused one by one instead.
 */
final class UnfitTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (value != null) {
            UnicodeText.firstFlaw(value, true).ifPresent(flaw -> {
                String field = p.streamReadContext() == null ? null : p.streamReadContext().currentName();
                throw ChengxinException.badRequest(UnfitInputFilter.CODE, "请求内容" + nameOf(field) + "含有控制字符或无效字符（"
                        + flaw.notation() + "），请删除后重新提交");
            });
        }
        return value;
    }

    private static String nameOf(String field) {
        return field != null && field.matches("[A-Za-z][A-Za-z0-9_]{0,40}") ? "的字段 " + field + " " : "";
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        JsonMapperBuilderCustomizer unfitTextRefusal() {
            return builder -> builder.addModule(new SimpleModule("unfit-text").addDeserializer(String.class, new UnfitTextDeserializer()));
        }
    }
}
