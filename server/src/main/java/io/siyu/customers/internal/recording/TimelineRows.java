package io.siyu.customers.internal.recording;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.internal.profiles.ProfileStore;
import io.siyu.customers.internal.vault.PersonalDataVault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a customer's event timeline, as touches are written to it: what each type of touch keeps as its
 * properties, and its phone numbers and e-mail addresses masked in place and sealed beside it.
 */
@Component
public class TimelineRows {

    /** The names of an event's JSON parts, as its columns and its sealed personal values name them. */
    public static final String PROPERTIES = "properties";

    public static final String CONTEXT = "context";

    private final PersonalDataVault vault;
    private final JsonMapper json;

    TimelineRows(PersonalDataVault vault, JsonMapper json) {
        this.vault = vault;
        this.json = json;
    }

    /**
     * The timeline row of a touch, its personal data masked and sealed: what the recogniser finds, and the phone numbers
     * and e-mail addresses its identities were read from ({@code personalValues}, paths in the message), whatever they
     * look like.
     */
    ProfileStore.EventRow row(long id, long customer, Touch touch, List<List<Object>> personalValues) {
        var properties = properties(touch);
        var context = touch.context().deepCopy();
        var sealed = vault.sealPersonalValues(
                Map.of(PROPERTIES, properties, CONTEXT, context), sealedPaths(touch, personalValues));
        return new ProfileStore.EventRow(
                id,
                customer,
                touch.occurredAt(),
                touch.receivedAt(),
                touch.type().wireName(),
                touch.event(),
                touch.messageId(),
                json.writeValueAsString(properties),
                context.isEmpty() ? null : json.writeValueAsString(context),
                sealed);
    }

    /** What the timeline keeps as a touch's properties: an identify's traits, a group's id and traits, an alias's former id. */
    ObjectNode properties(Touch touch) {
        return switch (touch.type()) {
            case IDENTIFY -> touch.traits().deepCopy();
            case GROUP -> {
                var group = json.createObjectNode();
                group.put("groupId", touch.groupId());
                group.set("traits", touch.traits().deepCopy());
                yield group;
            }
            case ALIAS -> {
                var alias = json.createObjectNode();
                alias.put("previousId", touch.previousId());
                yield alias;
            }
            default -> touch.properties().deepCopy();
        };
    }

    /**
     * Where, in the row's parts, the personal values the identity rules read from a message stand: those of its context
     * where they were; an identify's traits under its properties, where the timeline keeps them; none of other traits,
     * which the timeline does not keep.
     */
    static List<List<Object>> sealedPaths(Touch touch, List<List<Object>> personalValues) {
        var paths = new ArrayList<List<Object>>();
        for (var path : personalValues) {
            if (path.getFirst().equals(CONTEXT)) {
                paths.add(path);
            } else if (touch.type() == TouchType.IDENTIFY) {
                paths.add(Stream.concat(Stream.of(PROPERTIES), path.stream().skip(1))
                        .toList());
            }
        }
        return paths;
    }
}
