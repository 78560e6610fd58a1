package io.siyu.customers.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals personal identifiers (phone numbers, e-mail addresses) at rest.
 *
 * <p>Two keys with two jobs: an AEAD (AES-256-GCM) key encrypts the value, bound to its identity type as associated
 * data so a sealed phone cannot be passed off as an e-mail; a PRF (HMAC-SHA256) key derives a deterministic lookup key,
 * so that "who has this phone?" is an index lookup without ever storing the phone in clear. Both come from a Tink
 * keyset file that is generated on first start; losing it means losing the personal data it protects, so back it up
 * apart from the database.
 */
final class PersonalDataVault {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataVault.class);

    private final Aead aead;
    private final PrfSet prf;

    private PersonalDataVault(Aead aead, PrfSet prf) {
        this.aead = aead;
        this.prf = prf;
    }

    record KeyFile(String aead, String prf) {}

    /** Opens the keys given in clear (the {@code SIYU_PERSONAL_DATA_KEYS} variable), else from the file, creating it. */
    static PersonalDataVault open(String keysInEnvironment, Path keyFile, JsonMapper json) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            KeyFile keys;
            if (keysInEnvironment != null && !keysInEnvironment.isBlank()) {
                keys = json.readValue(keysInEnvironment, KeyFile.class);
            } else if (Files.exists(keyFile)) {
                keys = json.readValue(Files.readString(keyFile), KeyFile.class);
            } else {
                keys = new KeyFile(
                        serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)),
                        serialize(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)));
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, json.writeValueAsString(keys));
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the folder's own permissions must protect the file
                }
                log.warn(
                        "generated the personal-data keys in {}; back this file up apart from the database, "
                                + "without it phone numbers and e-mail addresses cannot be read",
                        keyFile);
            }
            var aead = TinkJsonProtoKeysetFormat.parseKeyset(keys.aead(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            var prf = TinkJsonProtoKeysetFormat.parseKeyset(keys.prf(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            return new PersonalDataVault(aead, prf);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open the personal-data keys (" + keyFile + ")", e);
        }
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    String lookupKey(IdentityKey identity) {
        try {
            var input = (identity.type() + "\u0000" + identity.value()).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(prf.computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] seal(IdentityKey identity) {
        try {
            return aead.encrypt(
                    identity.value().getBytes(StandardCharsets.UTF_8),
                    identity.type().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(String type, byte[] sealed) {
        try {
            return new String(aead.decrypt(sealed, type.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed " + type + " cannot be opened with the current keys", e);
        }
    }
}
