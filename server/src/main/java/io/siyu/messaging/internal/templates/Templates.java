package io.siyu.messaging.internal.templates;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Templates and their versions in the database. A save never changes a version; it adds the next one. */
@Component
public class Templates {

    private static final String COLUMNS =
            "id, key, name, channel, purpose, version, created_at, updated_at, archived_at from messaging.template";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProviderSettings providers;
    private final Clock clock;

    Templates(JdbcTemplate jdbc, JsonMapper json, ProviderSettings providers, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.providers = providers;
        this.clock = clock;
    }

    /** What an operator sends to create a template or save its next version. */
    public record Draft(String name, Purpose purpose, TemplateContent content) {}

    @Transactional
    public MessageTemplate create(String key, Channel channel, Draft draft, String by) {
        var violations = new ArrayList<Violation>(TemplateRules.checkKey(key));
        violations.addAll(check(channel, draft));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var now = Timestamps.of(clock.instant());
        long id;
        try {
            id = jdbc.queryForObject(
                    """
                    insert into messaging.template (key, name, channel, purpose, version, created_at, updated_at)
                    values (?, ?, ?, ?, 1, ?, ?) returning id""",
                    Long.class,
                    key,
                    draft.name().strip(),
                    channel.category(),
                    draft.purpose().value(),
                    now,
                    now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a template with the key '" + key + "' exists");
        }
        insertVersion(id, 1, draft.content(), by);
        return get(id);
    }

    @Transactional
    public MessageTemplate save(long id, Draft draft, String by) {
        var violations = check(get(id).channel(), draft);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var version = jdbc
                .query(
                        """
                        update messaging.template set version = version + 1, name = ?, purpose = ?, updated_at = ?
                         where id = ? returning version""",
                        (rs, row) -> rs.getInt(1),
                        draft.name().strip(),
                        draft.purpose().value(),
                        Timestamps.of(clock.instant()),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("template", id));
        insertVersion(id, version, draft.content(), by);
        return get(id);
    }

    /** Archives a template: journeys and requests can no longer name it; what was sent keeps it. */
    @Transactional
    public MessageTemplate archive(long id) {
        jdbc.update(
                "update messaging.template set archived_at = coalesce(archived_at, ?) where id = ?",
                Timestamps.of(clock.instant()),
                id);
        return get(id);
    }

    public MessageTemplate get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("template", id));
    }

    public Optional<MessageTemplate> find(long id) {
        return jdbc.query("select " + COLUMNS + " where id = ?", Templates::template, id).stream()
                .findFirst();
    }

    public Optional<MessageTemplate> findByKey(String key) {
        return jdbc.query("select " + COLUMNS + " where key = ?", Templates::template, key).stream()
                .findFirst();
    }

    public List<MessageTemplate> list() {
        return jdbc.query("select " + COLUMNS + " order by archived_at nulls first, name, id", Templates::template);
    }

    public TemplateVersion version(long id, int version) {
        return jdbc.query("""
                        select template_id, version, subject, html, text_body, saved_at, saved_by, sms, wechat, link
                          from messaging.template_version where template_id = ? and version = ?""", this::version, id, version).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("template version", id + "/" + version));
    }

    /** Every version of a template, newest first. */
    public List<TemplateVersion> versions(long id) {
        get(id);
        return jdbc.query("""
                select template_id, version, subject, html, text_body, saved_at, saved_by, sms, wechat, link
                  from messaging.template_version where template_id = ? order by version desc""", this::version, id);
    }

    private List<Violation> check(Channel channel, Draft draft) {
        var violations = new ArrayList<Violation>(TemplateRules.checkName(draft.name()));
        violations.addAll(checkContent(channel, draft.purpose(), draft.content()));
        return violations;
    }

    /** The rules content of a channel and purpose breaks (for SMS, with the configured opt-out words and signature). */
    public List<Violation> checkContent(Channel channel, Purpose purpose, TemplateContent content) {
        var marketing = purpose == Purpose.MARKETING;
        return switch (channel) {
            case EMAIL -> TemplateRules.checkContent(content);
            case SMS -> {
                var sms = providers.sms();
                yield TemplateRules.checkSms(content, marketing, sms.optOut(), sms.signName());
            }
            case WECHAT_SUBSCRIBE -> TemplateRules.checkWechat(content, true, marketing);
            case WECHAT_TEMPLATE -> TemplateRules.checkWechat(content, false, marketing);
            case INBOX -> TemplateRules.checkInbox(content);
            case PUSH -> TemplateRules.checkPush(content);
            case WECOM -> TemplateRules.checkWecom(content);
        };
    }

    private void insertVersion(long id, int version, TemplateContent content, String by) {
        jdbc.update(
                """
                insert into messaging.template_version (template_id, version, subject, html, text_body, saved_at,
                                                        saved_by, sms, wechat, link)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                id,
                version,
                content.subject() == null ? "" : content.subject(),
                content.html() == null || content.html().isBlank() ? null : content.html(),
                content.text(),
                Timestamps.of(clock.instant()),
                by,
                content.sms() == null ? null : json.writeValueAsString(content.sms()),
                content.wechat() == null ? null : json.writeValueAsString(content.wechat()),
                content.link() == null || content.link().isBlank() ? null : content.link());
    }

    private static MessageTemplate template(ResultSet rs, int row) throws SQLException {
        return new MessageTemplate(
                rs.getLong("id"),
                rs.getString("key"),
                rs.getString("name"),
                Channel.parse("channel", rs.getString("channel")),
                Purpose.parse("purpose", rs.getString("purpose")),
                rs.getInt("version"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "archived_at"));
    }

    private TemplateVersion version(ResultSet rs, int row) throws SQLException {
        var sms = rs.getString("sms");
        var wechat = rs.getString("wechat");
        return new TemplateVersion(
                rs.getLong("template_id"),
                rs.getInt("version"),
                new TemplateContent(
                        rs.getString("subject"),
                        rs.getString("html"),
                        rs.getString("text_body"),
                        sms == null ? null : json.readValue(sms, SmsContent.class),
                        wechat == null ? null : json.readValue(wechat, WechatContent.class),
                        rs.getString("link")),
                Timestamps.read(rs, "saved_at"),
                rs.getString("saved_by"));
    }
}
