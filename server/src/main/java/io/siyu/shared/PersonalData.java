package io.siyu.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recognises phone numbers and e-mail addresses by what they are, whole or inside longer text, whatever field they
 * stand in, and masks them: {@code +86138****5678}, {@code 138 **** 5678}, {@code a***@example.com}.
 *
 * <p>Inside text, an e-mail address is a local part of letters (of any script), digits and the usual symbols, an
 * {@code @} and a domain whose last label has two or more letters. A phone number is a run of 7 to 15 digits, with
 * spaces, hyphens or brackets between them, not glued to Latin letters, digits, underscores, hyphens or dots around it
 * (so {@code ORD-13812345678}, {@code SKU13812345678}, decimals, IP and version numbers and the groups of a UUID are
 * not; {@code 手机13812345678} is), that libphonenumber accepts: with a leading {@code +}, as a possible number of its
 * country; without one, as a valid number of the brand's region ({@code SIYU_PHONE_REGION}). Validity, not mere
 * length, is what keeps counts, amounts, dates, order numbers and epoch seconds from being taken for phones; the cost is
 * that a local number written without its area code, or with dots or slashes, is not recognised inside text.
 * E-mail addresses are found from each {@code @} outwards, in linear time whatever the text.
 *
 * <p>A value that stands where a phone number or e-mail address is expected (an identity, a field named for one) is
 * read as the identity rules read it, with any of libphonenumber's punctuation and any possible number, and masked
 * whole ({@link #maskEntirely}): what is not recognised there is hidden, not shown.
 *
 * <p>Masking keeps what lets a person recognise their own value and hides the rest: the first character of an
 * address's local part and its domain; the digits of a phone number except the four before the last four (all but the
 * last four of a number with fewer than eight digits), keeping its layout.
 */
public final class PersonalData {

    /** What a phone number is written with between its digits, inside text (the hyphen last, literal in a class). */
    private static final String PHONE_SEPARATORS = " ()-";

    private static final int FEWEST_PHONE_DIGITS = 7;
    private static final int MOST_PHONE_DIGITS = 15;
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("(?<![A-Za-z_+\\-.\\p{Nd}])\\+?\\(?\\p{Nd}[\\p{Nd}"
            + PHONE_SEPARATORS + "]{" + (FEWEST_PHONE_DIGITS - 2) + ",24}\\p{Nd}(?![A-Za-z_\\-\\p{Nd}]|\\.\\p{Nd})");
    private static final Pattern PHONE_SHAPED =
            Pattern.compile("\\+?[\\p{Nd}" + PHONE_SEPARATORS + "]*\\p{Nd}[\\p{Nd}" + PHONE_SEPARATORS + "]*");

    /**
     * What is shaped like a phone number (a run of 7 digits and separators, from a digit to
     * a digit) or an e-mail address (an {@code @}), as a regular expression that PostgreSQL reads too: wider than what
     * is recognised, for filters that must not let a masked value be recovered piece by piece.
     */
    public static final String SHAPED_LIKE_PHONE_OR_EMAIL =
            "@|[0-9][0-9+" + PHONE_SEPARATORS + "]{" + (FEWEST_PHONE_DIGITS - 2) + ",}[0-9]";

    private static final String LOCAL_PART_SYMBOLS = "._%+-!#$&?^`~";
    private static final String LOCAL_PART_SEPARATORS = "._-+";
    private static final int MAX_LOCAL_PART = 64;
    /** An e-mail address as the identity rules accept one: anything but spaces, quotes and brackets before the @. */
    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[^@\\s\"<>]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z0-9-]{2,63}");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    /** Recognises phone numbers written without a country code as numbers of {@code region} (e.g. {@code CN}). */
    public PersonalData(String region) {
        this.region = region;
    }

    /**
     * A phone number as the identity rules accept one, in E.164 ({@code +8613812345678}): any text libphonenumber reads
     * as a possible number, with the brand's region for numbers without a country code; null for any other text.
     */
    public String normalisePhone(String text) {
        var number = possibleNumber(text);
        return number == null ? null : phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Whether the text is an e-mail address as the identity rules accept one (ASCII domain, any local part). */
    public static boolean isEmailAddress(String text) {
        return EMAIL_ADDRESS.matcher(text).matches();
    }

    /** Whether the text is digits and the separators of a written phone number, and nothing else: a phone or a piece. */
    public static boolean isPhoneShaped(String text) {
        return PHONE_SHAPED.matcher(text).matches();
    }

    /** Whether the text is or holds a phone number or an e-mail address. */
    public boolean contains(String text) {
        return text != null && !find(text).isEmpty();
    }

    /** The text with every phone number and e-mail address in it masked; the text itself when it holds none. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        var spans = find(text);
        return spans.isEmpty() ? text : masked(text, spans, false);
    }

    /**
     * A value that stands where a phone number or an e-mail address is expected, masked so that it shows no more than a
     * masked number or address, whatever it holds: an e-mail address or a phone number as the identity rules read them
     * (any punctuation, a possible number) masked as such; any other text with the numbers and addresses found in it
     * masked and every other letter and digit hidden ({@code 13812345678 (home)} → {@code 138****5678 (****)}).
     *
     * <p>A number is masked whole only when its digits are the number's own (ending with its national number, no
     * extension or letters), so that the four digits it hides are the ones its masked identity hides.
     */
    public String maskEntirely(String text) {
        if (text == null) {
            return null;
        }
        var value = text.strip();
        if (isEmailAddress(value)) {
            return maskEmail(value);
        }
        var number = possibleNumber(value);
        if (number != null
                && !number.hasExtension()
                && digitsOf(value).endsWith(phones.getNationalSignificantNumber(number))) {
            return maskPhone(value);
        }
        return masked(text, find(text), true);
    }

    /** The text with its spans masked, and every other letter and digit hidden if {@code hideTheRest}. */
    private static String masked(String text, List<Span> spans, boolean hideTheRest) {
        var masked = new StringBuilder(text.length());
        var from = 0;
        for (var span : spans) {
            appendOutside(masked, text, from, span.start(), hideTheRest);
            var value = text.substring(span.start(), span.end());
            masked.append(span.email() ? maskEmail(value) : maskPhone(value));
            from = span.end();
        }
        appendOutside(masked, text, from, text.length(), hideTheRest);
        return masked.toString();
    }

    private static void appendOutside(StringBuilder masked, String text, int from, int to, boolean hide) {
        if (!hide) {
            masked.append(text, from, to);
            return;
        }
        text.substring(from, to)
                .codePoints()
                .forEach(c -> masked.appendCodePoint(Character.isLetterOrDigit(c) ? '*' : c));
    }

    /**
     * Masks, in place, every phone number and e-mail address in a JSON tree: in strings, in property names, and whole
     * numbers that are phone numbers (which become masked strings). Answers the node.
     */
    public JsonNode mask(JsonNode node) {
        maskNames(node, List.of(), (path, original) -> {});
        maskValues(node, List.of(), (path, original) -> {});
        return node;
    }

    /** Learns of each part of a JSON tree that masking replaced: where it stands now, and what it was. */
    @FunctionalInterface
    public interface Replaced {
        /** {@code path} holds property names (strings) and array positions (integers) from the root. */
        void replaced(List<Object> path, JsonNode original);
    }

    /**
     * Masks, in place, every string and whole number of a JSON tree that is or holds a phone number or an e-mail
     * address, telling {@code replaced} of each; property names stay as they are. {@code path} is where the tree
     * stands.
     */
    public void maskValues(JsonNode node, List<Object> path, Replaced replaced) {
        walkValues(node, new ArrayList<>(path), replaced);
    }

    /**
     * Masks, in place, every property name of a JSON tree that is or holds a phone number or an e-mail address (keeping
     * the order of properties), telling {@code replaced} of each, parents before their children, with the path under
     * its masked name and its former name as a string.
     */
    public void maskNames(JsonNode node, List<Object> path, Replaced replaced) {
        walkNames(node, new ArrayList<>(path), replaced);
    }

    /** Walks the tree with one path, grown and shrunk on the way, copied only for what is replaced. */
    private void walkValues(JsonNode node, ArrayList<Object> path, Replaced replaced) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                path.addLast(entry.getKey());
                var masked = maskedScalar(entry.getValue());
                if (masked != null) {
                    replaced.replaced(List.copyOf(path), entry.getValue());
                    entry.setValue(masked);
                } else {
                    walkValues(entry.getValue(), path, replaced);
                }
                path.removeLast();
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                path.addLast(i);
                var masked = maskedScalar(array.get(i));
                if (masked != null) {
                    replaced.replaced(List.copyOf(path), array.get(i));
                    array.set(i, masked);
                } else {
                    walkValues(array.get(i), path, replaced);
                }
                path.removeLast();
            }
        }
    }

    private void walkNames(JsonNode node, ArrayList<Object> path, Replaced replaced) {
        if (node instanceof ObjectNode object) {
            if (object.propertyNames().stream().anyMatch(this::contains)) {
                var entries = new ArrayList<>(object.properties());
                object.removeAll();
                for (var entry : entries) {
                    var name = mask(entry.getKey());
                    if (!name.equals(entry.getKey())) {
                        path.addLast(name);
                        replaced.replaced(List.copyOf(path), JsonNodeFactory.instance.stringNode(entry.getKey()));
                        path.removeLast();
                    }
                    object.set(name, entry.getValue());
                }
            }
            for (var entry : object.properties()) {
                path.addLast(entry.getKey());
                walkNames(entry.getValue(), path, replaced);
                path.removeLast();
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                path.addLast(i);
                walkNames(array.get(i), path, replaced);
                path.removeLast();
            }
        }
    }

    /** The masked form of a string or whole number that holds personal data, else null. */
    private JsonNode maskedScalar(JsonNode value) {
        if (value.isString()) {
            var masked = mask(value.asString());
            return masked.equals(value.asString()) ? null : JsonNodeFactory.instance.stringNode(masked);
        }
        if (value.isIntegralNumber()) {
            var digits = value.asString();
            var masked = mask(digits);
            return masked.equals(digits) ? null : JsonNodeFactory.instance.stringNode(masked);
        }
        return null;
    }

    /**
     * A phone number masked digit by digit, whatever its layout: the four digits before the last four hidden, or all
     * but the last four of a shorter one ({@code +8613812345678} → {@code +86138****5678}).
     */
    public static String maskPhone(String phone) {
        var digits = (int) phone.chars().filter(Character::isDigit).count();
        if (digits <= 4) {
            return "*".repeat(phone.length());
        }
        var hideFrom = Math.max(0, digits - 8);
        var hideTo = digits - 4;
        var masked = new StringBuilder(phone.length());
        var seen = 0;
        for (int i = 0; i < phone.length(); i++) {
            var c = phone.charAt(i);
            if (Character.isDigit(c)) {
                masked.append(seen >= hideFrom && seen < hideTo ? '*' : c);
                seen++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** An e-mail address with all of its local part but the first character hidden: {@code a***@example.com}. */
    public static String maskEmail(String email) {
        var at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return new StringBuilder()
                .appendCodePoint(email.codePointAt(0))
                .append("***")
                .append(email, at, email.length())
                .toString();
    }

    private record Span(int start, int end, boolean email) {}

    /** The phone numbers and e-mail addresses of a text, in order and not overlapping. */
    private List<Span> find(String text) {
        var spans = emails(text);
        if (countDigits(text, 0, text.length()) >= FEWEST_PHONE_DIGITS) {
            var matcher = PHONE_CANDIDATE.matcher(text);
            while (matcher.find()) {
                for (var phone : phonesIn(text, matcher.start(), matcher.end())) {
                    if (spans.stream().noneMatch(s -> s.start() < phone.end() && phone.start() < s.end())) {
                        spans.add(phone);
                    }
                }
            }
            spans.sort(java.util.Comparator.comparingInt(Span::start));
        }
        return spans;
    }

    /**
     * The phone numbers in a candidate run of digits and separators: the whole run if it is one, else the longest
     * numbers made of whole groups between spaces ({@code 1001 13812345678}, two numbers written side by side).
     */
    private List<Span> phonesIn(String text, int start, int end) {
        var groups = new ArrayList<int[]>();
        var groupStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == ' ') {
                if (i > groupStart) {
                    groups.add(new int[] {groupStart, i});
                }
                groupStart = i + 1;
            }
        }
        var found = new ArrayList<Span>();
        for (int first = 0; first < groups.size(); first++) {
            for (int last = groups.size() - 1; last >= first; last--) {
                var from = groups.get(first)[0];
                var to = groups.get(last)[1];
                var digits = countDigits(text, from, to);
                if (digits >= FEWEST_PHONE_DIGITS && digits <= MOST_PHONE_DIGITS && isPhone(text.substring(from, to))) {
                    found.add(new Span(from, to, false));
                    first = last;
                    break;
                }
            }
        }
        return found;
    }

    /** A phone number inside text: a possible number with its {@code +} and country code, else a valid one. */
    private boolean isPhone(String candidate) {
        var trimmed = candidate.strip();
        var number = possibleNumber(trimmed);
        return number != null && (trimmed.startsWith("+") || phones.isValidNumber(number));
    }

    /** The number libphonenumber reads in the text, with the brand's region, if it is a possible one; else null. */
    private PhoneNumber possibleNumber(String text) {
        try {
            var number = phones.parse(text, region);
            return phones.isPossibleNumber(number) ? number : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String digitsOf(String text) {
        var digits = new StringBuilder(text.length());
        text.codePoints()
                .filter(Character::isDigit)
                .forEach(c -> digits.append(Character.forDigit(Character.digit(c, 10), 10)));
        return digits.toString();
    }

    /**
     * E-mail addresses, found from each {@code @} outwards. Chinese, Japanese and Korean text is usually written without
     * spaces, so ideographs and syllables run into an address's local part only when it has no other characters or
     * begins with a separator ({@code 张三@example.cn}, {@code 张三.li@example.cn}, at most {@value #MAX_LOCAL_PART}):
     * prose glued to an address ({@code 联系客服service@shop.com}) stays readable.
     */
    private static List<Span> emails(String text) {
        var spans = new ArrayList<Span>();
        var at = text.indexOf('@');
        while (at >= 0) {
            var start = at;
            while (start > 0 && isLocalPart(text.charAt(start - 1))) {
                start--;
            }
            if (start == at || LOCAL_PART_SEPARATORS.indexOf(text.charAt(start)) >= 0) {
                while (start > 0 && at - start < MAX_LOCAL_PART && isEastAsian(text.charAt(start - 1))) {
                    start--;
                }
            }
            var end = at + 1;
            while (end < text.length() && isDomain(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && isDomainName(text.substring(at + 1, end))) {
                spans.add(new Span(start, end, true));
            }
            at = text.indexOf('@', Math.max(end, at + 1));
        }
        return spans;
    }

    private static boolean isLocalPart(char c) {
        return isAsciiLetterOrDigit(c)
                || LOCAL_PART_SYMBOLS.indexOf(c) >= 0
                || (c > 127 && Character.isLetterOrDigit(c) && !isEastAsian(c));
    }

    private static boolean isEastAsian(char c) {
        var script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    private static boolean isDomain(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isDomainName(String domain) {
        var dot = domain.lastIndexOf('.');
        if (dot <= 0 || domain.startsWith(".") || domain.contains("..")) {
            return false;
        }
        var top = domain.substring(dot + 1);
        return top.length() >= 2 && top.chars().allMatch(Character::isLetter);
    }

    private static int countDigits(String text, int from, int to) {
        var digits = 0;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }
}
