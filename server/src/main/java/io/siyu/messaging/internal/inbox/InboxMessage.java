package io.siyu.messaging.internal.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in a customer's inbox, as their app shows it.
 *
 * @param id the message's id in the inbox, which the stream also gives as each event's id
 * @param title what lists show
 * @param text the message in plain text
 * @param html the message as sanitised HTML, if the template has a rich body
 * @param link the address or app path the message opens, if any (a web address goes through the click redirect)
 */
public record InboxMessage(
        long id,
        String title,
        String text,
        @Nullable String html,
        @Nullable String link,
        Instant sentAt,
        @Nullable Instant readAt) {}
