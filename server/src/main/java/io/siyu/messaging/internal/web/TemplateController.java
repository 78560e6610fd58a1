package io.siyu.messaging.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import io.siyu.messaging.internal.dispatch.TestSends;
import io.siyu.messaging.internal.templates.MessageTemplate;
import io.siyu.messaging.internal.templates.SmsContent;
import io.siyu.messaging.internal.templates.TemplateContent;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import io.siyu.messaging.internal.templates.TemplateRules;
import io.siyu.messaging.internal.templates.TemplateVersion;
import io.siyu.messaging.internal.templates.Templates;
import io.siyu.messaging.internal.templates.WechatContent;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.LongText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Message templates: their versions, previews on real customers and test sends. */
@RestController
class TemplateController {

    static final String SOURCE = "a Handlebars template: {{customer.first_name}}, {{facts.order_count}}, {{data.x}},"
            + " {{brand.name}}, {{links.unsubscribe}}";

    private final Templates templates;
    private final TestSends tests;
    private final AuditLog audit;

    TemplateController(Templates templates, TestSends tests, AuditLog audit) {
        this.templates = templates;
        this.tests = tests;
        this.audit = audit;
    }

    record TemplateRequest(
            @Schema(
                    example = "welcome-1",
                    description = "2 to 60 lower-case letters, digits, '-' or '_'; how journeys and the API name it;"
                            + " required to create, and cannot change")
            @Nullable
            String key,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Welcome, first e-mail")
            String name,

            @Schema(
                    example = "email",
                    description = "email, sms, wechat_subscribe, wechat_template, inbox or push; required to create,"
                            + " and cannot change")
            @Nullable
            String channel,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "marketing",
                    description = "marketing or transactional")
            String purpose,

            @Schema(
                    example = "Welcome, {{customer.first_name}}",
                    description = "required for e-mail; for SMS, what lists show (the template code if empty)")
            @Nullable
            String subject,

            @Schema(description = SOURCE, example = "<p>Hello {{customer.first_name}}</p>")
            @LongText(max = TemplateRules.MAX_HTML)
            @Nullable
            String html,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = SOURCE + "; for SMS, the approved template's wording with its parameters as"
                            + " ${name}, which a marketing SMS must hold the opt-out words in",
                    example = "Hello {{customer.first_name}}")
            @LongText(max = TemplateRules.MAX_TEXT)
            String text,

            @Schema(description = "for SMS (required there): the provider's approved template this one sends") @Nullable
            SmsTemplate sms,

            @Schema(description = "for WeChat (required there): the mini-program's or official account's template")
            @Nullable
            WechatTemplate wechat,

            @Schema(
                    description = "for the inbox, push and official-account messages: the address or app path"
                            + " the message opens, a Handlebars template",
                    example = "https://shop.example.com/orders/{{data.orderId}}")
            @Nullable
            String link) {}

    record WechatTemplate(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "bDmywsp2oEHjwAadTGKkUHpC0RgBVPvfAIkCyLnj2kI",
                    description = "the template's id in the mini-program's or official account's back office")
            String templateId,

            @Schema(
                    example = "pages/order/detail?id={{data.orderId}}",
                    description = "the mini-program page the message opens, a Handlebars template")
            @Nullable
            String page,

            @Schema(
                    description = "the template's keys, each a Handlebars template; a subscribe message's keys are"
                            + " named by kind (thing1, time2, amount3) and WeChat limits each kind's length",
                    example = "{\"thing1\": \"{{data.product}}\", \"amount2\": \"{{data.total}}元\"}")
            @Nullable
            Map<String, String> parameters) {

        WechatContent content() {
            return new WechatContent(templateId, page, parameters);
        }
    }

    record SmsTemplate(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "SMS_154950909",
                    description = "the approved template's code at Alibaba Cloud SMS")
            String templateCode,

            @Schema(
                    example = "思语商城",
                    description = "the approved signature (签名), 2 to 12 letters, digits or Chinese characters;"
                            + " empty for the configured one")
            @Nullable
            String signName,

            @Schema(
                    description = "the template's parameters by name, each a Handlebars template whose result has at"
                            + " most 35 characters",
                    example = "{\"name\": \"{{customer.first_name}}\"}")
            @Nullable
            Map<String, String> parameters) {

        SmsContent content() {
            return new SmsContent(templateCode, signName, parameters);
        }
    }

    /** A template with its newest version. */
    record TemplateDetail(MessageTemplate template, TemplateVersion current) {}

    record PreviewRequest(
            @Schema(description = "render as this customer would get it; none renders with empty traits") @Nullable
            Long customerId,

            @Schema(description = "values for {{data.*}}") @Nullable
            Map<String, Object> data,

            @Schema(description = "render this draft instead of the saved version") @Nullable
            Draft draft) {}

    record Draft(
            @Nullable String subject,

            @LongText(max = TemplateRules.MAX_HTML) @Nullable
            String html,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String text,

            @Nullable SmsTemplate sms,
            @Nullable WechatTemplate wechat,
            @Nullable String link) {}

    record TestSendRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "operator@brand.example",
                    description = "an e-mail address; for an SMS template, a phone number (+8613812345678); for a"
                            + " WeChat template, the openid of a test account; for the inbox, a customer's id;"
                            + " for push, the JPush registration id of a test device")
            String to,

            @Nullable Long customerId,
            @Nullable Map<String, Object> data,
            @Nullable Draft draft) {}

    @GetMapping("/api/v1/message-templates")
    @PreAuthorize("hasAuthority('messages:read')")
    List<MessageTemplate> list() {
        return templates.list();
    }

    @PostMapping("/api/v1/message-templates")
    @PreAuthorize("hasAuthority('templates:write')")
    ResponseEntity<TemplateDetail> create(@RequestBody TemplateRequest body) {
        if (body.key() == null) {
            throw new InvalidInputException("key", "required", "must not be null");
        }
        var template = templates.create(
                body.key(),
                Channel.parse("channel", body.channel()),
                new Templates.Draft(body.name(), Purpose.parse("purpose", body.purpose()), content(body)),
                Viewer.name());
        audit.record("template.created", "template:" + template.id(), Map.of("key", template.key()));
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(template));
    }

    @GetMapping("/api/v1/message-templates/{id}")
    @PreAuthorize("hasAuthority('messages:read')")
    TemplateDetail get(@PathVariable long id) {
        return detail(templates.get(id));
    }

    @PutMapping("/api/v1/message-templates/{id}")
    @PreAuthorize("hasAuthority('templates:write')")
    TemplateDetail save(@PathVariable long id, @RequestBody TemplateRequest body) {
        var current = templates.get(id);
        if (body.key() != null && !body.key().equals(current.key())) {
            throw new InvalidInputException("key", "unchanged", "a template keeps its key; create another template");
        }
        if (body.channel() != null && Channel.parse("channel", body.channel()) != current.channel()) {
            throw new InvalidInputException(
                    "channel", "unchanged", "a template keeps its channel; create another template");
        }
        var template = templates.save(
                id,
                new Templates.Draft(body.name(), Purpose.parse("purpose", body.purpose()), content(body)),
                Viewer.name());
        audit.record("template.saved", "template:" + id, Map.of("version", template.version()));
        return detail(template);
    }

    @GetMapping("/api/v1/message-templates/{id}/versions")
    @PreAuthorize("hasAuthority('messages:read')")
    List<TemplateVersion> versions(@PathVariable long id) {
        return templates.versions(id);
    }

    @PostMapping("/api/v1/message-templates/{id}/archive")
    @PreAuthorize("hasAuthority('templates:write')")
    MessageTemplate archive(@PathVariable long id) {
        var template = templates.archive(id);
        audit.record("template.archived", "template:" + id, Map.of());
        return template;
    }

    @PostMapping("/api/v1/message-templates/{id}/preview")
    @PreAuthorize("hasAuthority('messages:read')")
    TemplateRenderer.Rendered preview(@PathVariable long id, @RequestBody PreviewRequest body) {
        return tests.preview(id, content(body.draft()), body.customerId(), data(body.data()));
    }

    @PostMapping("/api/v1/message-templates/{id}/test-sends")
    @PreAuthorize("hasAuthority('messages:send')")
    TestSends.TestResult testSend(@PathVariable long id, @RequestBody TestSendRequest body) {
        var result = tests.send(id, body.to(), content(body.draft()), body.customerId(), data(body.data()));
        audit.record("template.test-sent", "template:" + id, Map.of("provider", result.provider()));
        return result;
    }

    private TemplateDetail detail(MessageTemplate template) {
        return new TemplateDetail(template, templates.version(template.id(), template.version()));
    }

    private static @Nullable TemplateContent content(@Nullable Draft draft) {
        return draft == null
                ? null
                : new TemplateContent(
                        draft.subject(),
                        draft.html(),
                        draft.text(),
                        draft.sms() == null ? null : draft.sms().content(),
                        draft.wechat() == null ? null : draft.wechat().content(),
                        draft.link());
    }

    private static TemplateContent content(TemplateRequest body) {
        return new TemplateContent(
                body.subject(),
                body.html(),
                body.text(),
                body.sms() == null ? null : body.sms().content(),
                body.wechat() == null ? null : body.wechat().content(),
                body.link());
    }

    static Map<String, Object> data(@Nullable Map<String, Object> data) {
        return data == null ? Map.of() : data;
    }
}
