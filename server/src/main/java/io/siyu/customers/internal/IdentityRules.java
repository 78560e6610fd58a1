package io.siyu.customers.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
 * <p>Priority decides which profile an event belongs to when its identifiers point at profiles that must stay apart:
 * the most specific identifier wins, the shop's own user id first, the device-scoped anonymous id last.
 */
final class IdentityRules {

    static final String USER_ID = "user_id";
    static final String ANONYMOUS_ID = "anonymous_id";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String EXTERNAL = "$external";

    static final Set<String> PERSONAL = Set.of(EMAIL, PHONE);
    static final Map<String, Integer> LIMITS = Map.of(USER_ID, 1, "wechat_unionid", 1);
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
    static final Map<String, String> PLATFORM_TRAITS = Map.ofEntries(
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
            Map.entry("weiboUid", "weibo_uid"));

    static final Set<String> EMAIL_TRAITS = Set.of("email", "Email", "e-mail");
    static final Set<String> PHONE_TRAITS = Set.of("phone", "Phone", "mobile", "phone_number", "phoneNumber");

    private static final Pattern EMAIL_SHAPE =
            Pattern.compile("^[^@\\s\"<>]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z0-9-]{2,63}$");
    /** Segment's own types have dots ({@code ios.idfa}, {@code android.id}). */
    private static final Pattern EXTERNAL_TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,38}[a-z0-9_]");

    private static final int MAX_VALUE_LENGTH = 255;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final PersonalData personalData;

    IdentityRules(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.personalData = new PersonalData(defaultRegion);
    }

    /** What counts as a phone number or an e-mail address wherever it stands, for the brand's region. */
    PersonalData personalData() {
        return personalData;
    }

    /** The identifiers of a message, normalised and without duplicates, or the violations that make it unusable. */
    record Extraction(List<IdentityKey> identities, List<Violation> violations) {}

    Extraction extract(Touch touch) {
        var identities = new LinkedHashSet<IdentityKey>();
        var violations = new ArrayList<Violation>();
        add(identities, violations, USER_ID, touch.userId(), "userId");
        add(identities, violations, ANONYMOUS_ID, touch.anonymousId(), "anonymousId");
        if (touch.type() == TouchType.IDENTIFY || touch.type() == TouchType.ALIAS) {
            fromTraits(touch.traits(), "traits", identities, violations);
        }
        if (touch.context().get("traits") instanceof ObjectNode contextTraits) {
            fromTraits(contextTraits, "context.traits", identities, violations);
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
                add(identities, violations, type, entry.path("id").asString(), field + ".id");
            }
        }
        return new Extraction(List.copyOf(identities), violations);
    }

    /** Normalises an identifier given in a search ({@code email:Ann@Example.com}), or throws with the rule broken. */
    IdentityKey parse(String type, String value) {
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
            ObjectNode traits, String prefix, LinkedHashSet<IdentityKey> identities, List<Violation> violations) {
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
            add(identities, violations, type, value.asString(), prefix + "." + name);
        }
    }

    private void add(
            LinkedHashSet<IdentityKey> identities, List<Violation> violations, String type, String raw, String field) {
        if (raw == null) {
            return;
        }
        var value = raw.strip();
        if (value.isEmpty()) {
            return;
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            violations.add(new Violation(field, "max-length", "must have at most " + MAX_VALUE_LENGTH + " characters"));
            return;
        }
        switch (type) {
            case EMAIL -> {
                var email = value.toLowerCase(Locale.ROOT);
                if (!EMAIL_SHAPE.matcher(email).matches()) {
                    violations.add(
                            new Violation(field, "email", "'" + mask(EMAIL, value) + "' is not an e-mail address"));
                    return;
                }
                identities.add(new IdentityKey(EMAIL, email));
            }
            case PHONE -> {
                var phone = normalisePhone(value);
                if (phone == null) {
                    violations.add(
                            new Violation(field, "phone", "not a phone number (give it as +<country code><number>)"));
                    return;
                }
                identities.add(new IdentityKey(PHONE, phone));
            }
            default -> {
                if (!PRIORITY.contains(type) && !EXTERNAL_TYPE.matcher(type).matches()) {
                    violations.add(new Violation(field, "identity-type", "unknown identity type '" + type + "'"));
                    return;
                }
                identities.add(new IdentityKey(type, value));
            }
        }
    }

    String normalisePhone(String value) {
        try {
            var number = phones.parse(value, defaultRegion);
            if (!phones.isPossibleNumber(number)) {
                return null;
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String externalType(String type) {
        var normalised = type.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.equals("user_id") || normalised.equals("anonymous_id")) {
            return normalised;
        }
        return EXTERNAL_TYPE.matcher(normalised).matches() ? normalised : null;
    }

    /** What people without the right to see personal data are shown instead of a phone number or e-mail address. */
    static String mask(String type, String value) {
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
