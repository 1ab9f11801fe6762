package org.chengxin.identity.internal;

import org.chengxin.identity.SealedSecrets;
import org.springframework.stereotype.Service;

@Service
class Sm4SealedSecrets implements SealedSecrets {

    private final IdentityKeys keys;

    Sm4SealedSecrets(IdentityKeys keys) {
        this.keys = keys;
    }

    @Override
    public Sealed seal(String purpose, String plaintext) {
        return new Sealed(Sm4Gcm.encrypt(keys.activeKey(), purpose, plaintext), keys.activeKeyId());
    }

    @Override
    public String open(String purpose, Sealed sealed) {
        return Sm4Gcm.decrypt(keys.key(sealed.keyId()), purpose, sealed.cipher());
    }
}
