package io.siyu.messaging.internal.templates;

import io.siyu.shared.InputRules;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules a template must keep to be saved: a usable key and name, bounded parts that compile. */
public final class TemplateRules {

    public static final int MAX_SUBJECT = 500;
    /** Gmail clips a message beyond 102 KB; the HTML must leave room for headers, the text part and tracking. */
    public static final int MAX_HTML_BYTES = 90_000;

    /** The backstop of the request body for the HTML part, in characters; the rule is {@link #MAX_HTML_BYTES}. */
    public static final int MAX_HTML = 100_000;

    public static final int MAX_TEXT = 50_000;
    public static final int MAX_LINK = 2_000;
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{1,59}");

    /** Alibaba Cloud SMS takes at most 35 characters in one template parameter. */
    public static final int MAX_SMS_PARAMETER = 35;

    public static final int MAX_SMS_PARAMETERS = 20;
    static final Pattern SMS_TEMPLATE_CODE = Pattern.compile("SMS_[0-9]{1,20}");
    /** A signature as the provider approves one: 2 to 12 letters, digits or Chinese characters, not digits only. */
    static final Pattern SIGN_NAME = Pattern.compile("(?=.*[^0-9])[\\p{IsHan}A-Za-z0-9]{2,12}");

    /** A WeChat template's id as the back office shows it (43 characters today). */
    static final Pattern WECHAT_TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{10,64}");

    /**
     * JPush refuses a notification whose part for one platform ({@code "android":{...}}, {@code "ios":{...}}, keys and
     * extras included, in UTF-8) has more than 4,000 bytes (code 1005); Siyu sends no custom message beside it.
     */
    public static final int MAX_PUSH_BYTES = 4_000;

    /**
     * What a push template's fixed text (title, body and link, in UTF-8, the link counted twice since the click redirect
     * carries it again) may take of {@link #MAX_PUSH_BYTES}, leaving the rest to the payload's keys, the redirect and
     * what the template says of each customer; the provider checks each message's real payload before it goes.
     */
    public static final int MAX_PUSH_CONTENT_BYTES = 3_000;

    static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");
    /** A parameter in the provider's wording of a template: {@code ${name}}. */
    public static final Pattern WORDING_PARAMETER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]{0,29})}");

    private TemplateRules() {}

    public static List<Violation> checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return List.of(new Violation(
                    "key",
                    "pattern",
                    "must be 2 to 60 lower-case letters, digits, '-' or '_', starting with a letter"));
        }
        return List.of();
    }

    public static List<Violation> checkName(String name) {
        if (name == null || name.isBlank()) {
            return List.of(new Violation("name", "required", "must not be blank"));
        }
        var violation = InputRules.check("name", name, InputRules.MAX_NAME_LENGTH);
        return violation == null ? List.of() : List.of(violation);
    }

    /** The broken rules of an e-mail template's content, with each part's syntax errors. */
    public static List<Violation> checkContent(TemplateContent content) {
        var violations = checkParts(content, true);
        onlyFor(violations, content, "e-mail");
        return violations;
    }

    /**
     * The broken rules of an inbox message's content: a title (the subject) and a text, an optional HTML body, and an
     * optional link the message opens (a web address or a path in the shop's app).
     */
    public static List<Violation> checkInbox(TemplateContent content) {
        var violations = checkParts(content, true);
        onlyFor(violations, content, "inbox");
        part(violations, "link", content.link(), MAX_LINK, false);
        return violations;
    }

    /** WeCom takes at most 4000 bytes of text in one mass message ({@code text.content}). */
    public static final int MAX_WECOM_TEXT_BYTES = 4_000;

    /**
     * The broken rules of a WeCom message's content: a text the staff member sends as it is (its links in the text),
     * within WeCom's 4000 bytes, and no HTML, SMS or WeChat parts. A text whose values push it past the limit when
     * rendered is refused by the provider, for that message only.
     */
    public static List<Violation> checkWecom(TemplateContent content) {
        var violations = checkParts(content, false);
        if (content.html() != null && !content.html().isBlank()) {
            violations.add(new Violation("html", "channel", "a WeCom message has no HTML part"));
        }
        onlyFor(violations, content, "WeCom");
        if (content.text() != null
                && violations.stream().noneMatch(v -> v.field().equals("text"))
                && content.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_WECOM_TEXT_BYTES) {
            violations.add(new Violation(
                    "text", "max-bytes", "must be at most " + MAX_WECOM_TEXT_BYTES + " bytes, WeCom's limit"));
        }
        return violations;
    }

    /**
     * The broken rules of an app push template's content: an optional title (the subject), a body (the text), an
     * optional link the app opens (a web address or a path in the shop's app), no HTML, and fixed text that leaves room
     * in JPush's payload ({@link #MAX_PUSH_CONTENT_BYTES}).
     */
    public static List<Violation> checkPush(TemplateContent content) {
        var violations = checkParts(content, false);
        if (content.html() != null && !content.html().isBlank()) {
            violations.add(new Violation("html", "channel", "a push notification has no HTML part"));
        }
        onlyFor(violations, content, "push");
        part(violations, "link", content.link(), MAX_LINK, false);
        if (violations.isEmpty()) {
            var bytes = fixedBytes(content.subject()) + fixedBytes(content.text()) + 2 * fixedBytes(content.link());
            if (bytes > MAX_PUSH_CONTENT_BYTES) {
                violations.add(new Violation(
                        "text",
                        "push-payload-size",
                        "the title, body and link (twice) have " + bytes + " bytes in UTF-8; at most "
                                + MAX_PUSH_CONTENT_BYTES + " leave room in JPush's " + MAX_PUSH_BYTES
                                + "-byte notification"));
            }
        }
        return violations;
    }

    private static int fixedBytes(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return 0;
        }
        return TemplateEngine.apply(TemplateEngine.compileText(source), java.util.Map.of())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length;
    }

    /**
     * The broken rules of a WeChat template's content: the template's id, keys named as WeChat names them and whose
     * fixed text fits WeChat's limit for their kind, a wording that names only given keys, no HTML; and an
     * official-account template message is a service notice, which WeChat forbids for marketing.
     */
    public static List<Violation> checkWechat(TemplateContent content, boolean subscribe, boolean marketing) {
        var violations = checkParts(content, false);
        if (content.html() != null && !content.html().isBlank()) {
            violations.add(new Violation("html", "channel", "a WeChat message has no HTML part"));
        }
        if (content.sms() != null) {
            violations.add(new Violation("sms", "channel", "only SMS templates name an SMS template"));
        }
        if (subscribe && content.link() != null && !content.link().isBlank()) {
            violations.add(new Violation(
                    "link", "channel", "a subscribe message opens a page of the mini-program: give wechat.page"));
        }
        part(violations, "link", content.link(), MAX_LINK, false);
        if (!subscribe && marketing) {
            violations.add(new Violation(
                    "purpose",
                    "wechat-service-only",
                    "WeChat allows official-account template messages for service notices only, never marketing"));
        }
        var wechat = content.wechat();
        if (wechat == null) {
            violations.add(new Violation("wechat", "required", "a WeChat template names the template it sends"));
            return violations;
        }
        if (wechat.templateId() == null
                || !WECHAT_TEMPLATE_ID.matcher(wechat.templateId()).matches()) {
            violations.add(new Violation(
                    "wechat.templateId",
                    "pattern",
                    "must be the template's id from the mini-program's or official account's back office"));
        }
        part(violations, "wechat.page", wechat.page(), MAX_LINK, false);
        if (wechat.parameters().isEmpty()) {
            violations.add(new Violation("wechat.parameters", "required", "must give the template's keys"));
        }
        if (wechat.parameters().size() > MAX_SMS_PARAMETERS) {
            violations.add(new Violation(
                    "wechat.parameters", "max-size", "must have at most " + MAX_SMS_PARAMETERS + " keys"));
        }
        wechat.parameters().forEach((name, source) -> wechatParameter(violations, name, source, subscribe));
        wordingNamesOnlyGiven(violations, content.text(), wechat.parameters(), "wechat.parameters.");
        return violations;
    }

    private static void wechatParameter(List<Violation> violations, String name, String source, boolean subscribe) {
        var field = "wechat.parameters." + name;
        var kind = WechatKeys.kind(name);
        if (subscribe ? kind.isEmpty() : !PARAMETER_NAME.matcher(name).matches()) {
            violations.add(new Violation(
                    field,
                    "pattern",
                    subscribe
                            ? "a subscribe message's key is its kind and number, as thing1, time2 or amount3"
                            : "a key is 1 to 30 letters, digits or '_', starting with a letter"));
            return;
        }
        var fixed = fixedText(violations, field, source);
        if (fixed == null || kind.isEmpty()) {
            return;
        }
        var limit = kind.get().maxLength();
        if (fixed.codePointCount(0, fixed.length()) > limit) {
            violations.add(new Violation(
                    field,
                    "wechat-value-length",
                    "its fixed text alone has more than " + limit + " characters, WeChat's limit for "
                            + kind.get().key() + " values"));
        }
    }

    /**
     * The broken rules of an SMS template's content: an approved template's code, a signature (its own, or
     * {@code defaultSignName}), parameters whose fixed text fits the provider's limit and that the wording names, no
     * HTML; and a marketing template's wording must hold the opt-out words.
     */
    public static List<Violation> checkSms(
            TemplateContent content, boolean marketing, String optOut, @Nullable String defaultSignName) {
        var violations = checkParts(content, false);
        if (content.html() != null && !content.html().isBlank()) {
            violations.add(new Violation("html", "channel", "an SMS has no HTML part"));
        }
        if (content.wechat() != null) {
            violations.add(new Violation("wechat", "channel", "only WeChat templates name a WeChat template"));
        }
        if (content.link() != null && !content.link().isBlank()) {
            violations.add(new Violation("link", "channel", "an SMS carries no link of its own"));
        }
        var sms = content.sms();
        if (sms == null) {
            violations.add(new Violation("sms", "required", "an SMS template names the provider's template"));
            return violations;
        }
        if (sms.templateCode() == null
                || !SMS_TEMPLATE_CODE.matcher(sms.templateCode()).matches()) {
            violations.add(new Violation(
                    "sms.templateCode", "pattern", "must be the approved template's code, as SMS_123456789"));
        }
        var sign = sms.signName() == null || sms.signName().isBlank() ? defaultSignName : sms.signName();
        if (sign == null || sign.isBlank()) {
            violations.add(new Violation(
                    "sms.signName", "required", "name the approved signature (签名); no default one is configured"));
        } else if (!SIGN_NAME.matcher(sign).matches()) {
            violations.add(new Violation(
                    "sms.signName",
                    "pattern",
                    "must be 2 to 12 letters, digits or Chinese characters, not digits only, without 【】"));
        }
        if (sms.parameters().size() > MAX_SMS_PARAMETERS) {
            violations.add(new Violation(
                    "sms.parameters", "max-size", "must have at most " + MAX_SMS_PARAMETERS + " parameters"));
        }
        sms.parameters().forEach((name, source) -> smsParameter(violations, name, source));
        wordingNamesOnlyGiven(violations, content.text(), sms.parameters(), "sms.parameters.");
        if (content.text() != null) {
            if (marketing && (optOut == null || !content.text().contains(optOut))) {
                violations.add(new Violation(
                        "text",
                        "sms-opt-out",
                        "a marketing SMS must tell customers how to refuse more: its wording must hold '" + optOut
                                + "'"));
            }
        }
        return violations;
    }

    private static void smsParameter(List<Violation> violations, String name, String source) {
        var field = "sms.parameters." + name;
        if (!PARAMETER_NAME.matcher(name).matches()) {
            violations.add(new Violation(
                    field, "pattern", "a parameter's name is 1 to 30 letters, digits or '_', starting with a letter"));
            return;
        }
        var fixed = fixedText(violations, field, source);
        if (fixed != null && fixed.codePointCount(0, fixed.length()) > MAX_SMS_PARAMETER) {
            violations.add(new Violation(
                    field,
                    "sms-parameter-length",
                    "its fixed text alone has more than " + MAX_SMS_PARAMETER
                            + " characters, the provider's limit for one parameter"));
        }
    }

    /**
     * What a parameter's source renders to with no customer (its fixed text), or null with the rule it breaks: blank,
     * too long, or not a template.
     */
    private static @Nullable String fixedText(List<Violation> violations, String field, String source) {
        if (source == null || source.isBlank()) {
            violations.add(new Violation(field, "required", "must not be blank"));
            return null;
        }
        var length = InputRules.check(field, source, MAX_SUBJECT);
        if (length != null) {
            violations.add(length);
            return null;
        }
        var syntax = TemplateEngine.syntaxError(source);
        if (syntax.isPresent()) {
            violations.add(new Violation(field, "template-syntax", syntax.get()));
            return null;
        }
        return TemplateEngine.apply(TemplateEngine.compileText(source), java.util.Map.of())
                .strip();
    }

    /** Every {@code ${name}} the wording shows must be a given parameter. */
    private static void wordingNamesOnlyGiven(
            List<Violation> violations, @Nullable String text, java.util.Map<String, String> given, String prefix) {
        if (text == null) {
            return;
        }
        var named = WORDING_PARAMETER.matcher(text);
        while (named.find()) {
            if (!given.containsKey(named.group(1))) {
                violations.add(new Violation(
                        prefix + named.group(1),
                        "required",
                        "the wording uses ${" + named.group(1) + "}; give it a value"));
            }
        }
    }

    /** A template of one channel names nothing that only another channel's templates name. */
    private static void onlyFor(List<Violation> violations, TemplateContent content, String channel) {
        if (content.sms() != null) {
            violations.add(new Violation("sms", "channel", "only SMS templates name an SMS template, not " + channel));
        }
        if (content.wechat() != null) {
            violations.add(
                    new Violation("wechat", "channel", "only WeChat templates name a WeChat template, not " + channel));
        }
        if (!"inbox".equals(channel)
                && !"push".equals(channel)
                && content.link() != null
                && !content.link().isBlank()) {
            violations.add(new Violation(
                    "link", "channel", "an " + channel + " message carries its links in its body, not as a link"));
        }
    }

    private static List<Violation> checkParts(TemplateContent content, boolean subjectRequired) {
        var violations = new ArrayList<Violation>();
        part(violations, "subject", content.subject(), MAX_SUBJECT, subjectRequired);
        part(violations, "html", content.html(), MAX_HTML, false);
        if (content.html() != null
                && violations.stream().noneMatch(v -> v.field().equals("html"))
                && content.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_HTML_BYTES) {
            violations.add(new Violation(
                    "html",
                    "max-bytes",
                    "must have at most " + MAX_HTML_BYTES + " bytes in UTF-8: mail clients clip longer messages"));
        }
        part(violations, "text", content.text(), MAX_TEXT, true);
        return violations;
    }

    private static void part(List<Violation> violations, String field, String source, int max, boolean required) {
        if (source == null || source.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "required", "must not be blank"));
            }
            return;
        }
        var length = InputRules.check(field, source, max);
        if (length != null) {
            violations.add(length);
            return;
        }
        TemplateEngine.syntaxError(source)
                .ifPresent(error -> violations.add(new Violation(field, "template-syntax", error)));
    }
}
