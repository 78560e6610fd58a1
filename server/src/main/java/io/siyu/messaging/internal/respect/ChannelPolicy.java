package io.siyu.messaging.internal.respect;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.messaging.Channel;
import io.siyu.shared.InputRules;

/**
 * What becomes of a marketing message on one channel that the quiet hours or a frequency cap stop: it waits, or it is
 * skipped and the journey moves on. The default ({@link #DEFAULT}) waits out the quiet hours, which end within hours,
 * and skips over a cap, whose window may last days (see {@link ContactBudget}).
 */
public record ChannelPolicy(Channel channel, Action whenQuiet, Action whenCapped) {

    /** Wait until the quiet hours end; skip a message over a cap. */
    public static ChannelPolicy defaults(Channel channel) {
        return new ChannelPolicy(channel, Action.WAIT, Action.SKIP);
    }

    /** The default of every channel with no policy of its own, for documentation. */
    public static final String DEFAULT = "whenQuiet: wait, whenCapped: skip";

    /** Wait for the moment the message may go, or skip it. */
    public enum Action {
        WAIT("wait"),
        SKIP("skip");

        private final String value;

        Action(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        public static Action parse(String field, String value) {
            return InputRules.oneOf(field, value, values(), Action::value);
        }
    }
}
