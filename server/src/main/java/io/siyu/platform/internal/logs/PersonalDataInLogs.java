package io.siyu.platform.internal.logs;

import io.siyu.shared.PersonalData;

/**
 * Masks phone numbers and e-mail addresses in what is logged, as a last line of defence: code never logs personal data
 * on purpose, but exception messages, stack traces and third-party libraries may quote values.
 *
 * <p>Logging starts before the application's settings are read, so the region of phone numbers comes from the
 * {@code SIYU_PHONE_REGION} environment variable itself ({@code CN} when unset).
 */
final class PersonalDataInLogs {

    private static final PersonalData PERSONAL_DATA =
            new PersonalData(System.getenv().getOrDefault("SIYU_PHONE_REGION", "CN"));

    private PersonalDataInLogs() {}

    static String mask(String text) {
        return PERSONAL_DATA.mask(text);
    }
}
