package io.siyu.shared;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256-GCM key (a Tink keyset) that seals one kind of secret at rest, as personal data is sealed: given as JSON
 * in an environment variable, else read from its file under the data folder, else generated there on first start (see
 * {@link KeyFiles}). Whoever seals binds each secret to the record it belongs to as associated data, so that a sealed
 * secret copied to another record cannot be opened there. Losing the key loses every secret sealed with it, so the file
 * is backed up apart from the database.
 */
public final class SealingKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);

    private SealingKeys() {}

    /**
     * Opens the keyset given as JSON, else the one in the file, creating the file on first start.
     *
     * @param what what the keys seal, for messages to people ("the webhook keys")
     * @param withoutIt what losing the file means, for the warning given when it is created
     */
    public static Aead open(@Nullable String keysetInEnvironment, Path keyFile, String what, String withoutIt) {
        try {
            AeadConfig.register();
            var keys = KeyFiles.readOrCreate(
                    keysetInEnvironment,
                    keyFile,
                    () -> TinkJsonProtoKeysetFormat.serializeKeyset(
                            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                            InsecureSecretKeyAccess.get()));
            if (keys.created()) {
                LOG.warn("generated {} in {}; back this file up apart from the database, {}", what, keyFile, withoutIt);
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(keys.text(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open " + what + " (" + keyFile + ")", e);
        }
    }
}
