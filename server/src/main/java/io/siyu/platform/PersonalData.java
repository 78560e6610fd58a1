package io.siyu.platform;

import java.util.regex.Pattern;

/**
 * Finds phone numbers and e-mail addresses in free text and masks them, as a last line of defence for log lines: code
 * never logs personal data on purpose, but exception messages and third-party libraries may quote values. Ingestion
 * masks what it keeps of rejected messages with it too.
 */
public final class PersonalData {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d.])(\\+?\\d{1,3}[ -]?)?(1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})(?![\\d.])");

    private PersonalData() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var masked = EMAIL.matcher(text).replaceAll("$1***$2");
        return PHONE.matcher(masked)
                .replaceAll(m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(3));
    }
}
