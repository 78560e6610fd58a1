package io.siyu.ingest.internal.inbox;

import io.siyu.ingest.internal.messages.SegmentMessages;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is kept of a rejected message: the message with its write key removed and phone numbers and e-mail addresses
 * masked, cut to {@link #MAX_CHARS}, its id masked, and the rules it broke, masked too (field paths hold the sender's
 * property names, and details may quote values).
 *
 * <p>A rejected message broke rules, so its personal data cannot be trusted to sit where the rules expect it (a phone
 * under {@code contact_phone}, an e-mail address that failed the e-mail rule). Two nets catch it: every value under a
 * name that speaks of a phone or an e-mail address is masked entirely ({@link PersonalData#maskEntirely}: numbers and
 * addresses as everywhere else, every other letter and digit hidden), and in every other string what looks like one is
 * masked (as in log lines).
 */
@Component
class MaskedBody {

    static final int MAX_CHARS = SegmentMessages.MAX_MESSAGE_BYTES;

    private static final Set<String> PERSONAL_NAME_PARTS = Set.of("phone", "mobile", "tel", "mail");
    private static final Set<String> PERSONAL_ID_TYPES = Set.of("phone", "email", "e-mail");

    /** The masked text, and whether it had to be cut. */
    record Text(String body, boolean truncated) {}

    private final PersonalData personalData;
    private final JsonMapper json;

    MaskedBody(PersonalData personalData, JsonMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    Text of(JsonNode message) {
        var copy = masked(message, false);
        if (copy instanceof ObjectNode object) {
            object.remove("writeKey");
        }
        var text = json.writeValueAsString(copy);
        return text.length() > MAX_CHARS ? new Text(text.substring(0, MAX_CHARS), true) : new Text(text, false);
    }

    /** A message's id, masked as any other text of it. */
    String messageId(String messageId) {
        return personalData.mask(messageId);
    }

    /** The broken rules as JSON text, masked. */
    String errors(List<Violation> violations) {
        return json.writeValueAsString(violations.stream()
                .map(v -> new Violation(personalData.mask(v.field()), v.rule(), personalData.mask(v.detail())))
                .toList());
    }

    /** The broken rules, as {@link #errors(List)} wrote them. */
    JsonNode errors(String text) {
        return json.readTree(text);
    }

    private JsonNode masked(JsonNode node, boolean personal) {
        if (node instanceof ObjectNode object) {
            var copy = json.createObjectNode();
            // context.externalIds: [{"id": "+8613812345678", "type": "phone"}]
            var personalId = object.path("type").isString()
                    && PERSONAL_ID_TYPES.contains(object.path("type").asString().toLowerCase(Locale.ROOT));
            for (var entry : object.properties()) {
                var name = entry.getKey();
                var childPersonal = personal || personalName(name) || (personalId && name.equals("id"));
                copy.set(personalData.mask(name), masked(entry.getValue(), childPersonal));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            var copy = json.createArrayNode();
            array.forEach(element -> copy.add(masked(element, personal)));
            return copy;
        }
        if (node.isString() || (personal && node.isNumber())) {
            var text = node.asString();
            return json.getNodeFactory()
                    .stringNode(personal ? personalData.maskEntirely(text) : personalData.mask(text));
        }
        return node;
    }

    private static boolean personalName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return PERSONAL_NAME_PARTS.stream().anyMatch(lower::contains);
    }
}
