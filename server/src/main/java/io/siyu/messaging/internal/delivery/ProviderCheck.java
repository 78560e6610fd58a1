package io.siyu.messaging.internal.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a provider answered when its credentials were tried: good, refused (with the provider's own words), or that the
 * provider offers no call that tries them without sending anything.
 */
public record ProviderCheck(Outcome outcome, @Nullable String detail) {

    public enum Outcome {
        OK,
        FAILED,
        NOT_CHECKABLE,
        SANDBOX;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static ProviderCheck ok(@Nullable String detail) {
        return new ProviderCheck(Outcome.OK, detail);
    }

    public static ProviderCheck failed(String detail) {
        return new ProviderCheck(Outcome.FAILED, detail);
    }

    public static ProviderCheck notCheckable(String detail) {
        return new ProviderCheck(Outcome.NOT_CHECKABLE, detail);
    }
}
