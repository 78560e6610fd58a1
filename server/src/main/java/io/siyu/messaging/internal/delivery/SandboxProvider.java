package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox outbox: keeps every message it is given, rendered, for people to read in the console, and sends none.
 * Used for a channel with no provider configured, so a newcomer sees who would get what and why.
 */
public class SandboxProvider implements Provider {

    private final Channel channel;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public SandboxProvider(Channel channel, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.channel = channel;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    /** The headers, and what a WeChat or inbox message names besides its text, for people reading the outbox. */
    private static java.util.Map<String, String> shown(Outgoing message) {
        var shown = new java.util.LinkedHashMap<>(message.headers());
        var rendered = message.rendered();
        if (rendered.link() != null) {
            shown.put("Link", rendered.link());
        }
        if (rendered.wechat() != null) {
            shown.put("WeChat-Template", rendered.wechat().templateId());
            if (rendered.wechat().page() != null) {
                shown.put("WeChat-Page", rendered.wechat().page());
            }
            rendered.wechat().parameters().forEach((key, value) -> shown.put("WeChat-" + key, value));
        }
        return shown;
    }

    @Override
    public ProviderCheck check() {
        return new ProviderCheck(ProviderCheck.Outcome.SANDBOX, "the channel's messages go to the sandbox outbox");
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        var now = Timestamps.of(clock.instant());
        jdbc.batchUpdate(
                """
                insert into messaging.sandbox_message (send_id, at, channel, recipient, subject, html, text_body, headers)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (send_id) do nothing""",
                messages.stream()
                        .map(m -> new Object[] {
                            m.sendId() > 0 ? m.sendId() : null,
                            now,
                            channel.category(),
                            m.maskedTo(),
                            m.rendered().subject(),
                            m.rendered().html(),
                            m.rendered().text(),
                            json.writeValueAsString(shown(m))
                        })
                        .toList());
        return messages.stream()
                .map(m -> Delivery.sent(m.sendId(), "sandbox-" + m.sendId()))
                .toList();
    }
}
