package org.chengxin.identity;

/**
 * Encrypts a short secret of another module (a staff member's TOTP secret) with the platform's SM4 field
 * keys, its purpose bound in, as the identity module encrypts ID numbers, names and contacts.
 */
public interface SealedSecrets {

    Sealed seal(String purpose, String plaintext);

    String open(String purpose, Sealed sealed);

    /** The ciphertext (nonce, text, tag) and the id of the key it was sealed with. */
    record Sealed(byte[] cipher, String keyId) {
    }
}
