package io.siyu.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
 * <p>An e-mail address is a local part of Latin letters, digits and the usual symbols, an {@code @} and a domain whose
 * last label has two or more letters. A phone number is a run of 7 to 15 digits, with spaces, hyphens or brackets
 * between them, not glued to Latin letters, digits, underscores, hyphens or dots around it (so {@code ORD-13812345678},
 * {@code SKU13812345678}, decimals, version numbers and the groups of a UUID are not; {@code 手机13812345678} is), that
 * libphonenumber accepts: with a leading {@code +}, as a possible number of its country; without one, as a valid number
 * of the brand's region ({@code SIYU_PHONE_REGION}). Validity, not mere length, is what keeps counts, amounts, dates,
 * order numbers and epoch seconds from being taken for phones; the cost is that a local number written without its
 * area code is not recognised. E-mail addresses are found from each {@code @} outwards, in linear time whatever the
 * text.
 *
 * <p>Masking keeps what lets a person recognise their own value and hides the rest: the first character of an
 * address's local part and its domain; the digits of a phone number except the four before the last four (all but the
 * last four of a number with fewer than eight digits), keeping its layout.
 */
public final class PersonalData {

    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![A-Za-z_+\\-.\\p{Nd}])\\+?\\(?\\p{Nd}[\\p{Nd} \\-()]{5,24}\\p{Nd}(?![A-Za-z_\\-\\p{Nd}]|\\.\\p{Nd})");
    private static final int FEWEST_PHONE_DIGITS = 7;
    private static final int MOST_PHONE_DIGITS = 15;
    private static final String LOCAL_PART_SYMBOLS = "._%+-!#$&?^`~";

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    /** Recognises phone numbers written without a country code as numbers of {@code region} (e.g. {@code CN}). */
    public PersonalData(String region) {
        this.region = region;
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
        if (spans.isEmpty()) {
            return text;
        }
        var masked = new StringBuilder(text.length());
        var from = 0;
        for (var span : spans) {
            masked.append(text, from, span.start());
            var value = text.substring(span.start(), span.end());
            masked.append(span.email() ? maskEmail(value) : maskPhone(value));
            from = span.end();
        }
        return masked.append(text, from, text.length()).toString();
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

    private boolean isPhone(String candidate) {
        var trimmed = candidate.strip();
        try {
            if (trimmed.startsWith("+")) {
                return phones.isPossibleNumber(phones.parse(trimmed, "ZZ"));
            }
            return phones.isValidNumber(phones.parse(trimmed, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** E-mail addresses, found from each {@code @} outwards. */
    private static List<Span> emails(String text) {
        var spans = new ArrayList<Span>();
        var at = text.indexOf('@');
        while (at >= 0) {
            var start = at;
            while (start > 0 && isLocalPart(text.charAt(start - 1))) {
                start--;
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
        return isAsciiLetterOrDigit(c) || LOCAL_PART_SYMBOLS.indexOf(c) >= 0;
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
