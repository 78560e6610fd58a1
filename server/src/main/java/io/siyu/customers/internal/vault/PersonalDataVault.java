package io.siyu.customers.internal.vault;

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
import io.siyu.customers.internal.identity.IdentityKey;
import io.siyu.shared.KeyFiles;
import io.siyu.shared.PersonalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals personal data at rest: the phone numbers and e-mail addresses of the identity graph, and those inside the JSON of
 * timeline events.
 *
 * <p>Two keys with two jobs: an AEAD (AES-256-GCM) key encrypts the value, bound to its identity type as associated
 * data so a sealed phone cannot be passed off as an e-mail; a PRF (HMAC-SHA256) key derives a deterministic lookup key,
 * so that "who has this phone?" is an index lookup without ever storing the phone in clear. Both come from a Tink
 * keyset file that is generated on first start; losing it means losing the personal data it protects, so back it up
 * apart from the database.
 *
 * <p>An event keeps its JSON with every value that is or holds a phone number or e-mail address masked (as
 * {@link PersonalData} recognises them, whatever the field, and whatever they look like where the identity rules read
 * one), and those values in clear, sealed together beside it: whoever may see personal data gets them back, and so do
 * the rebuilds that derive figures from the stored events.
 */
public final class PersonalDataVault {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataVault.class);

    /** The associated data of an event's sealed values: they can be opened only as such. */
    private static final String EVENT_VALUES = "event-values";

    private final Aead aead;
    private final PrfSet prf;
    private final PersonalData personalData;
    private final JsonMapper json;

    private PersonalDataVault(Aead aead, PrfSet prf, PersonalData personalData, JsonMapper json) {
        this.aead = aead;
        this.prf = prf;
        this.personalData = personalData;
        this.json = json;
    }

    record KeyFile(String aead, String prf) {}

    /** Opens the keys given in clear (the {@code SIYU_PERSONAL_DATA_KEYS} variable), else from the file, creating it. */
    public static PersonalDataVault open(
            String keysInEnvironment, Path keyFile, JsonMapper json, PersonalData personalData) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            var stored = KeyFiles.readOrCreate(
                    keysInEnvironment,
                    keyFile,
                    () -> json.writeValueAsString(new KeyFile(
                            serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)),
                            serialize(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)))));
            if (stored.created()) {
                log.warn(
                        "generated the personal-data keys in {}; back this file up apart from the database, "
                                + "without it phone numbers and e-mail addresses cannot be read",
                        keyFile);
            }
            var keys = json.readValue(stored.text(), KeyFile.class);
            var aead = TinkJsonProtoKeysetFormat.parseKeyset(keys.aead(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            var prf = TinkJsonProtoKeysetFormat.parseKeyset(keys.prf(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            return new PersonalDataVault(aead, prf, personalData, json);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open the personal-data keys (" + keyFile + ")", e);
        }
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    public String lookupKey(IdentityKey identity) {
        try {
            var input = (identity.type() + "\u0000" + identity.value()).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(prf.computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(IdentityKey identity) {
        return seal(identity.type(), identity.value());
    }

    private byte[] seal(String type, String value) {
        try {
            return aead.encrypt(value.getBytes(StandardCharsets.UTF_8), type.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Masks, in place, every value and property name of an event's JSON parts (named, e.g. {@code properties} and
     * {@code context}) that is or holds a phone number or e-mail address, and the values at {@code identities} (paths
     * from the parts' names, where the identity rules read a phone number or an e-mail address) entirely, whatever they
     * look like; answers what they were, sealed; null when there was none.
     */
    public byte[] sealPersonalValues(Map<String, ? extends JsonNode> parts, List<List<Object>> identities) {
        var originals = json.createArrayNode();
        var noteValue = noting(originals, "value");
        var maskedByWhatTheyAre = new HashMap<List<Object>, JsonNode>();
        parts.forEach((part, node) -> {
            personalData.maskNames(node, List.of(part), noting(originals, "name"));
            personalData.maskValues(node, List.of(part), (path, original) -> {
                maskedByWhatTheyAre.put(path, original);
                noteValue.replaced(path, original);
            });
        });
        for (var path : identities) {
            restore(parts, json.valueToTree(path), (parent, last) -> {
                var current = last.isInt() ? parent.get(last.asInt()) : parent.get(last.asString());
                var original = maskedByWhatTheyAre.getOrDefault(path, current);
                if (original == null || !(original.isString() || original.isIntegralNumber())) {
                    return;
                }
                if (!maskedByWhatTheyAre.containsKey(path)) {
                    noteValue.replaced(path, original);
                }
                var masked = json.getNodeFactory().stringNode(personalData.maskEntirely(original.asString()));
                if (parent instanceof ObjectNode object) {
                    object.set(last.asString(), masked);
                } else if (parent instanceof ArrayNode array) {
                    array.set(last.asInt(), masked);
                }
            });
        }
        return originals.isEmpty() ? null : seal(EVENT_VALUES, json.writeValueAsString(originals));
    }

    /** Notes each replaced part as {@code {"path": [...], <what>: original}}. */
    private PersonalData.Replaced noting(ArrayNode originals, String what) {
        return (path, original) -> originals
                .addObject()
                .<ObjectNode>set("path", json.valueToTree(path))
                .set(what, original);
    }

    /**
     * Puts what {@link #sealPersonalValues} masked back into the parts it was taken from: the values first (their
     * paths name properties as they are stored), then the property names, children before their parents.
     */
    public void openPersonalValues(Map<String, ? extends JsonNode> parts, byte[] sealed) {
        var originals = new ArrayList<JsonNode>();
        json.readTree(open(EVENT_VALUES, sealed)).forEach(originals::add);
        for (var original : originals) {
            if (original.has("value")) {
                restore(parts, original.path("path"), (parent, last) -> {
                    if (parent instanceof ObjectNode object && last.isString()) {
                        object.set(last.asString(), original.get("value"));
                    } else if (parent instanceof ArrayNode array && last.isInt() && last.asInt() < array.size()) {
                        array.set(last.asInt(), original.get("value"));
                    }
                });
            }
        }
        for (var original : originals.reversed()) {
            if (original.has("name")) {
                restore(parts, original.path("path"), (parent, last) -> {
                    if (parent instanceof ObjectNode object && object.has(last.asString())) {
                        rename(object, last.asString(), original.get("name").asString());
                    }
                });
            }
        }
    }

    private static void restore(
            Map<String, ? extends JsonNode> parts,
            JsonNode path,
            java.util.function.BiConsumer<JsonNode, JsonNode> atParent) {
        JsonNode parent = parts.get(path.path(0).asString());
        for (int i = 1; parent != null && i < path.size() - 1; i++) {
            var step = path.get(i);
            parent = step.isInt() ? parent.get(step.asInt()) : parent.get(step.asString());
        }
        if (parent != null && path.size() > 1) {
            atParent.accept(parent, path.get(path.size() - 1));
        }
    }

    public String open(String type, byte[] sealed) {
        try {
            return new String(aead.decrypt(sealed, type.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed " + type + " cannot be opened with the current keys", e);
        }
    }

    /** Renames a property in place, keeping the order of the others. */
    private static void rename(ObjectNode object, String from, String to) {
        var entries = new ArrayList<>(object.properties());
        object.removeAll();
        for (var entry : entries) {
            object.set(entry.getKey().equals(from) ? to : entry.getKey(), entry.getValue());
        }
    }
}
