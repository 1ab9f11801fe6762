package org.chengxin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (several instances share them), and a session holds what a person typed or is (a signed-in
 * citizen's masked and full number, a posted ID filter): every attribute is stored SM4-encrypted with the active data
 * key, prefixed by the key's id, like every other column that may hold an ID number. A session whose key is gone (or
 * whose bytes were altered) fails to load and the person signs in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionAttributeEncryption {

    static final String PURPOSE = "session.attribute";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> encryptedSessionAttributes(IdentityKeys keys) {
        return repository -> {
            GenericConversionService conversion = new GenericConversionService();
            SerializingConverter serializer = new SerializingConverter();
            DeserializingConverter deserializer = new DeserializingConverter(SessionAttributeEncryption.class.getClassLoader());
            conversion.addConverter(Object.class, byte[].class, attribute -> seal(keys, serializer.convert(attribute)));
            conversion.addConverter(byte[].class, Object.class, stored -> deserializer.convert(open(keys, (byte[]) stored)));
            repository.setConversionService(conversion);
        };
    }

    /** The key's id (its length in one byte, then its UTF-8 bytes), then the SM4-GCM message. */
    static byte[] seal(IdentityKeys keys, byte[] plain) {
        byte[] id = keys.activeKeyId().getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Sm4Gcm.encryptBytes(keys.activeKey(), PURPOSE, plain);
        byte[] out = new byte[1 + id.length + sealed.length];
        out[0] = (byte) id.length;
        System.arraycopy(id, 0, out, 1, id.length);
        System.arraycopy(sealed, 0, out, 1 + id.length, sealed.length);
        return out;
    }

    static byte[] open(IdentityKeys keys, byte[] stored) {
        int idLength = stored[0] & 0xff;
        String keyId = new String(stored, 1, idLength, StandardCharsets.UTF_8);
        return Sm4Gcm.decryptBytes(keys.key(keyId), PURPOSE, Arrays.copyOfRange(stored, 1 + idLength, stored.length));
    }
}
