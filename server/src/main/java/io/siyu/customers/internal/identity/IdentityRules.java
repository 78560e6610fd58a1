package io.siyu.customers.internal.identity;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which identifiers a message carries, how they are normalised, and the rules of the identity graph.
 *
 * <p>Limits: a profile holds at most one {@code user_id} and one {@code wechat_unionid}. Two profiles whose merge would
 * break a limit stay apart (two people who logged in on one shared device remain two people), and the refused link is
 * recorded for review. Other identifiers are unlimited: one person has several phones, e-mail addresses, and a
 * different WeChat openid in every mini-program and official account.
 *
 * <p>A device's push registration id ({@link #HANDED_OVER}) moves instead to the account now signed in on the device,
 * since a push to it reaches whoever holds the phone; the move is recorded beside the refused link.
 *
 * <p>Priority decides which profile an event belongs to when its identifiers point at profiles that must stay apart:
 * the most specific identifier wins, the shop's own user id first, the device-scoped anonymous id last.
 */
public final class IdentityRules {

    public static final String USER_ID = "user_id";
    public static final String ANONYMOUS_ID = "anonymous_id";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    static final String EXTERNAL = "$external";

    public static final Set<String> PERSONAL = Set.of(EMAIL, PHONE);
    static final Map<String, Integer> LIMITS = Map.of(USER_ID, 1, "wechat_unionid", 1);

    /**
     * Identifiers of a device that reach whoever uses it now: the registration id of the shop's app for push. When a
     * message links one to a profile that must stay apart from the one holding it (another account signed in on the
     * phone), it moves to the message's profile, so that one person's notifications never go to the next.
     */
    static final java.util.Set<String> HANDED_OVER = java.util.Set.of("jpush_registration_id");

    static final List<String> PRIORITY = List.of(
            USER_ID,
            "wechat_unionid",
            PHONE,
            EMAIL,
            "wechat_openid",
            "douyin_openid",
            "xiaohongshu_id",
            "weibo_uid",
            EXTERNAL,
            ANONYMOUS_ID);

    /** Trait names that carry platform identifiers, and the identity type each stands for. */
    public static final Map<String, String> PLATFORM_TRAITS = Map.ofEntries(
            Map.entry("wechat_openid", "wechat_openid"),
            Map.entry("wechatOpenId", "wechat_openid"),
            Map.entry("wechatOpenid", "wechat_openid"),
            Map.entry("openid", "wechat_openid"),
            Map.entry("wechat_unionid", "wechat_unionid"),
            Map.entry("wechatUnionId", "wechat_unionid"),
            Map.entry("wechatUnionid", "wechat_unionid"),
            Map.entry("unionid", "wechat_unionid"),
            Map.entry("douyin_openid", "douyin_openid"),
            Map.entry("douyinOpenId", "douyin_openid"),
            Map.entry("xiaohongshu_id", "xiaohongshu_id"),
            Map.entry("xiaohongshuId", "xiaohongshu_id"),
            Map.entry("weibo_uid", "weibo_uid"),
            Map.entry("weiboUid", "weibo_uid"),
            Map.entry("jpush_registration_id", "jpush_registration_id"),
            Map.entry("jpushRegistrationId", "jpush_registration_id"));

    public static final Set<String> EMAIL_TRAITS = Set.of("email", "Email", "e-mail");
    public static final Set<String> PHONE_TRAITS = Set.of("phone", "Phone", "mobile", "phone_number", "phoneNumber");

    /** Segment's own types have dots ({@code ios.idfa}, {@code android.id}). */
    private static final Pattern EXTERNAL_TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,38}[a-z0-9_]");

    private static final int MAX_VALUE_LENGTH = 255;

    private final PersonalData personalData;

    /** Reads phone numbers and e-mail addresses as {@code personalData} does, for the brand's region. */
    public IdentityRules(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** What counts as a phone number or an e-mail address wherever it stands, for the brand's region. */
    public PersonalData personalData() {
        return personalData;
    }

    /**
     * The identifiers of a message, normalised and without duplicates, or the violations that make it unusable; and
     * where the phone numbers and e-mail addresses among them stand in the message, as paths of property names and
     * array positions ({@code ["traits", "phone"]}, {@code ["context", "externalIds", 0, "id"]}).
     */
    public record Extraction(
            List<IdentityKey> identities, List<Violation> violations, List<List<Object>> personalValues) {}

    public Extraction extract(Touch touch) {
        var identities = new LinkedHashSet<IdentityKey>();
        var violations = new ArrayList<Violation>();
        var personalValues = new ArrayList<List<Object>>();
        add(identities, violations, USER_ID, touch.userId(), "userId");
        add(identities, violations, ANONYMOUS_ID, touch.anonymousId(), "anonymousId");
        if (touch.type() == TouchType.IDENTIFY || touch.type() == TouchType.ALIAS) {
            fromTraits(touch.traits(), List.of("traits"), identities, violations, personalValues);
        }
        if (touch.context().get("traits") instanceof ObjectNode contextTraits) {
            fromTraits(contextTraits, List.of("context", "traits"), identities, violations, personalValues);
        }
        if (touch.context().get("externalIds") instanceof JsonNode externalIds && externalIds.isArray()) {
            for (int i = 0; i < externalIds.size(); i++) {
                var entry = externalIds.get(i);
                var field = "context.externalIds[" + i + "]";
                if (!entry.isObject()
                        || !entry.path("id").isString()
                        || !entry.path("type").isString()) {
                    violations.add(new Violation(field, "shape", "must be an object with string 'id' and 'type'"));
                    continue;
                }
                var type = externalType(entry.path("type").asString());
                if (type == null) {
                    violations.add(new Violation(
                            field + ".type",
                            "pattern",
                            "must be 2 to 40 lower-case letters, digits, _ or ., starting with a letter"));
                    continue;
                }
                var identity =
                        add(identities, violations, type, entry.path("id").asString(), field + ".id");
                if (identity != null && identity.personal()) {
                    personalValues.add(List.of("context", "externalIds", i, "id"));
                }
            }
        }
        return new Extraction(List.copyOf(identities), violations, personalValues);
    }

    /** Normalises an identifier given in a search ({@code email:Ann@Example.com}), or throws with the rule broken. */
    public IdentityKey parse(String type, String value) {
        var identities = new LinkedHashSet<IdentityKey>();
        var violations = new ArrayList<Violation>();
        var normalisedType = type.equals("userId") ? USER_ID : type.equals("anonymousId") ? ANONYMOUS_ID : type;
        add(identities, violations, normalisedType, value, "identity");
        if (!violations.isEmpty()) {
            throw new io.siyu.shared.InvalidInputException(violations);
        }
        return identities.iterator().next();
    }

    private void fromTraits(
            ObjectNode traits,
            List<Object> path,
            LinkedHashSet<IdentityKey> identities,
            List<Violation> violations,
            List<List<Object>> personalValues) {
        var prefix = String.join(".", path.stream().map(String::valueOf).toList());
        for (var entry : traits.properties()) {
            var name = entry.getKey();
            var value = entry.getValue();
            String type = EMAIL_TRAITS.contains(name)
                    ? EMAIL
                    : PHONE_TRAITS.contains(name) ? PHONE : PLATFORM_TRAITS.get(name);
            if (type == null || value.isNull()) {
                continue;
            }
            if (!value.isString() && !(type.equals(PHONE) && value.isIntegralNumber())) {
                violations.add(new Violation(prefix + "." + name, "type", "must be a string"));
                continue;
            }
            var identity = add(identities, violations, type, value.asString(), prefix + "." + name);
            if (identity != null && identity.personal()) {
                personalValues.add(Stream.concat(path.stream(), Stream.of(name)).toList());
            }
        }
    }

    /** Adds the identifier, or the violation that refuses it; answers the identifier, or null. */
    private IdentityKey add(
            LinkedHashSet<IdentityKey> identities, List<Violation> violations, String type, String raw, String field) {
        if (raw == null) {
            return null;
        }
        var value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            violations.add(new Violation(field, "max-length", "must have at most " + MAX_VALUE_LENGTH + " characters"));
            return null;
        }
        var identity = switch (type) {
            case EMAIL -> {
                var email = value.toLowerCase(Locale.ROOT);
                if (!PersonalData.isEmailAddress(email)) {
                    violations.add(
                            new Violation(field, "email", "'" + mask(EMAIL, value) + "' is not an e-mail address"));
                    yield null;
                }
                yield new IdentityKey(EMAIL, email);
            }
            case PHONE -> {
                var phone = personalData.normalisePhone(value);
                if (phone == null) {
                    violations.add(
                            new Violation(field, "phone", "not a phone number (give it as +<country code><number>)"));
                    yield null;
                }
                yield new IdentityKey(PHONE, phone);
            }
            default -> {
                if (!PRIORITY.contains(type) && !EXTERNAL_TYPE.matcher(type).matches()) {
                    violations.add(new Violation(field, "identity-type", "unknown identity type '" + type + "'"));
                    yield null;
                }
                yield new IdentityKey(type, value);
            }
        };
        if (identity != null) {
            identities.add(identity);
        }
        return identity;
    }

    /** Whether an entry of {@code context.externalIds} of this type is a phone number or an e-mail address. */
    public static boolean isPersonalExternalType(String type) {
        var normalised = externalType(type);
        return normalised != null && PERSONAL.contains(normalised);
    }

    private static String externalType(String type) {
        var normalised = type.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.equals("user_id") || normalised.equals("anonymous_id")) {
            return normalised;
        }
        return EXTERNAL_TYPE.matcher(normalised).matches() ? normalised : null;
    }

    /** What people without the right to see personal data are shown instead of a phone number or e-mail address. */
    public static String mask(String type, String value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case EMAIL -> PersonalData.maskEmail(value);
            case PHONE -> PersonalData.maskPhone(value);
            default -> value;
        };
    }
}
