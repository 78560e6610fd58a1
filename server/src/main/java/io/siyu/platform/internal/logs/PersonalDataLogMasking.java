package io.siyu.platform.internal.logs;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers and e-mail addresses in every string of the structured (JSON) log: messages, exception messages
 * and stack traces alike.
 */
public class PersonalDataLogMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataInLogs::mask));
    }
}
