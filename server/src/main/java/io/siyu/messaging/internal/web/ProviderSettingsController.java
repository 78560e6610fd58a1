package io.siyu.messaging.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.messaging.internal.providers.ProviderForm;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each channel's provider as operators set it: its fields, its credentials (written, never shown), where the settings
 * in force come from, and a check of the credentials against the provider. Admins only: credentials reach customers'
 * phones and mailboxes in the brand's name.
 */
@RestController
class ProviderSettingsController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSettingsController.class);

    private final ProviderSettings settings;
    private final Providers providers;
    private final AuditLog audit;
    private final JsonMapper json;

    ProviderSettingsController(ProviderSettings settings, Providers providers, AuditLog audit, JsonMapper json) {
        this.settings = settings;
        this.providers = providers;
        this.audit = audit;
        this.json = json;
    }

    @Schema(
            description = "the fields of the channel's provider (see `form` in the listing); a field of another"
                    + " channel's provider is refused. A secret left out or null keeps the one in force; an empty"
                    + " one clears an optional secret.",
            example = "{\"host\":\"smtp.example.com\",\"port\":587,\"username\":\"news@example.com\","
                    + "\"password\":\"app-password\",\"startTls\":true,\"ssl\":false,"
                    + "\"from\":\"Brand <news@example.com>\",\"replyTo\":\"service@example.com\"}")
    record ProviderSettingsRequest(
            @Schema(description = "e-mail: the SMTP server", example = "smtp.example.com") @Nullable
            String host,

            @Schema(description = "e-mail: 1 to 65535", example = "587") @Nullable
            Integer port,

            @Schema(description = "e-mail: the SMTP user; none: no sign-in") @Nullable
            String username,

            @Schema(description = "e-mail: secret", format = "password") @Nullable
            String password,

            @Schema(description = "e-mail: upgrade with STARTTLS and refuse to send without it") @Nullable
            Boolean startTls,

            @Schema(description = "e-mail: TLS from the start (port 465)") @Nullable
            Boolean ssl,

            @Schema(description = "e-mail: the sender", example = "Brand <news@example.com>") @Nullable
            String from,

            @Schema(description = "e-mail: where replies go", example = "service@example.com") @Nullable
            String replyTo,

            @Schema(description = "sms: the Alibaba Cloud AccessKey ID") @Nullable
            String accessKeyId,

            @Schema(description = "sms: secret", format = "password") @Nullable
            String accessKeySecret,

            @Schema(
                    description = "sms, push, wecom, wechat_subscribe, wechat_template: the provider's API address;"
                            + " https (http for localhost only); WeChat's left out: the environment's",
                    example = "https://dysmsapi.aliyuncs.com")
            @Nullable
            String endpoint,

            @Schema(description = "sms: the signature of templates that name none") @Nullable
            String signName,

            @Schema(
                    description = "sms: secret, at least 16 characters: the path segment of the receipt and reply"
                            + " addresses given to the provider",
                    format = "password")
            @Nullable
            String callbackToken,

            @Schema(description = "wechat_subscribe, wechat_template: the app's AppID") @Nullable
            String appId,

            @Schema(description = "wechat_subscribe, wechat_template: secret", format = "password") @Nullable
            String appSecret,

            @Schema(description = "wechat_subscribe: formal, trial or developer", example = "formal") @Nullable
            String miniprogramState,

            @Schema(description = "wechat_subscribe: zh_CN, en_US, zh_HK or zh_TW", example = "zh_CN") @Nullable
            String lang,

            @Schema(description = "wechat_template: the linked mini-program's AppID") @Nullable
            String miniProgramAppId,

            @Schema(
                    description = "wechat_subscribe, wechat_template: secret; the Token of the app's message push"
                            + " (消息推送), 3 to 32 letters or digits",
                    format = "password")
            @Nullable
            String pushToken,

            @Schema(
                    description = "wechat_subscribe, wechat_template: secret; the EncodingAESKey of the app's message"
                            + " push, 43 letters or digits, for its safe mode (安全模式)",
                    format = "password")
            @Nullable
            String encodingAesKey,

            @Schema(description = "push: the JPush AppKey") @Nullable
            String appKey,

            @Schema(description = "push: secret", format = "password") @Nullable
            String masterSecret,

            @Schema(description = "push: iOS through Apple's production service") @Nullable
            Boolean apnsProduction,

            @Schema(
                    description = "push: how long JPush keeps a notification for an offline device, 0s to 10d",
                    example = "1d")
            @Nullable
            String timeToLive,

            @Schema(description = "wecom: the company id (企业ID)") @Nullable
            String corpId,

            @Schema(description = "wecom: secret", format = "password") @Nullable
            String secret,

            @Schema(description = "wecom: the staff member who sends to customers without an owner") @Nullable
            String defaultSender,

            @Schema(description = "wecom: how often open tasks' outcomes are asked for, 10s to 10m", example = "1m")
            @Nullable
            String pollEvery,

            @Schema(
                    description = "wecom: when a task still waiting is reminded to its staff member, 1m to 7d",
                    example = "4h")
            @Nullable
            String remindAfter,

            @Schema(description = "wecom: when a task still waiting is cancelled, 10m to 30d", example = "3d") @Nullable
            String resultTimeout,

            @Schema(
                    description = "every channel: for connecting to the provider and for its answer, 1s to 2m; left"
                            + " out: the environment's",
                    example = "10s")
            @Nullable
            String timeout) {

        @Override
        public String toString() {
            return "ProviderSettingsRequest[secrets not shown]";
        }
    }

    record FormField(
            String name,

            @Schema(description = "text, host, port, url, boolean, address, choice, secret or duration")
            String kind,

            boolean required,
            boolean secret,

            @Schema(description = "the values a choice takes")
            List<String> choices,

            @Schema(description = "the fewest characters a text or secret takes; 0: any")
            int minLength,

            @Schema(description = "the shortest a duration may be", example = "1s") @Nullable
            String min,

            @Schema(description = "the longest a duration may be", example = "2m") @Nullable
            String max) {}

    record SecretField(
            String name,

            @Schema(description = "whether a value is in force, from the console or the environment")
            boolean set,

            @Schema(description = "when it was last given in the console; none: never there") @Nullable
            Instant changedAt) {}

    record ProviderView(
            @Schema(example = "email") String channel,

            @Schema(description = "the provider the settings are for", example = "smtp")
            String provider,

            @Schema(
                    description = "where the settings in force come from: console, environment, or sandbox (none: the"
                            + " channel's messages go to the sandbox outbox)",
                    example = "environment")
            String source,

            @Schema(description = "the fields that are not secret, as in force")
            Map<String, @Nullable Object> fields,

            @Schema(description = "the secret fields: whether each is set, never its value")
            List<SecretField> secrets,

            List<FormField> form,

            @Schema(description = "credentials saved in the console cannot be opened with the provider keys")
            boolean unreadable,

            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    record CheckView(
            String channel,
            String provider,

            @Schema(description = "ok, failed, not-checkable or sandbox", example = "ok")
            String outcome,

            @Schema(description = "what the provider answered") @Nullable
            String detail) {}

    @GetMapping("/api/v1/messaging/providers")
    @PreAuthorize("hasAuthority('providers:manage')")
    List<ProviderView> list() {
        return Arrays.stream(Channel.values())
                .map(settings::view)
                .flatMap(java.util.Optional::stream)
                .map(ProviderSettingsController::view)
                .toList();
    }

    @PutMapping("/api/v1/messaging/providers/{channel}")
    @PreAuthorize("hasAuthority('providers:manage')")
    ProviderView put(@PathVariable String channel, @RequestBody ProviderSettingsRequest body) {
        var parsed = channel(channel);
        var given =
                new LinkedHashMap<String, Object>(json.convertValue(body, new TypeReference<Map<String, Object>>() {}));
        given.values().removeIf(Objects::isNull);
        var saved = settings.save(parsed, given, Viewer.name());
        var secrets = ProviderForm.of(parsed).orElseThrow().fields().stream()
                .filter(ProviderForm.Field::secret)
                .map(ProviderForm.Field::name)
                .filter(given::containsKey)
                .toList();
        audit.record(
                "provider-settings.saved",
                "provider-settings:" + parsed.category(),
                Map.of(
                        "fields",
                        given.keySet().stream()
                                .filter(name -> !secrets.contains(name))
                                .toList(),
                        "secretsGiven",
                        secrets));
        LOG.info("{} saved the {} provider's settings (secrets given: {})", Viewer.name(), parsed.category(), secrets);
        return view(saved);
    }

    @DeleteMapping("/api/v1/messaging/providers/{channel}")
    @PreAuthorize("hasAuthority('providers:manage')")
    ProviderView delete(@PathVariable String channel) {
        var parsed = channel(channel);
        if (settings.delete(parsed)) {
            audit.record("provider-settings.deleted", "provider-settings:" + parsed.category(), Map.of());
        }
        return view(settings.view(parsed).orElseThrow());
    }

    @PostMapping("/api/v1/messaging/providers/{channel}/check")
    @PreAuthorize("hasAuthority('providers:manage')")
    CheckView check(@PathVariable String channel) {
        var parsed = channel(channel);
        var provider = providers.of(parsed);
        ProviderCheck check;
        try {
            check = provider.check();
        } catch (RuntimeException e) {
            check = ProviderCheck.failed(e.getClass().getSimpleName());
        }
        return new CheckView(parsed.category(), provider.name(), check.outcome().value(), check.detail());
    }

    /** A channel whose provider operators may set: every one but the inbox. */
    private static Channel channel(String value) {
        var channel = Channel.parse("channel", value);
        if (ProviderForm.of(channel).isEmpty()) {
            throw new InvalidInputException(
                    "channel", "has-provider", "the " + channel.category() + " channel has no provider to set");
        }
        return channel;
    }

    private static ProviderView view(ProviderSettings.View view) {
        var form = view.form();
        return new ProviderView(
                form.channel().category(),
                form.provider(),
                view.source().value(),
                view.fields(),
                view.secrets().stream()
                        .map(s -> new SecretField(s.name(), s.set(), s.changedAt()))
                        .toList(),
                form.fields().stream()
                        .map(f -> new FormField(
                                f.name(),
                                f.kind().name().toLowerCase(java.util.Locale.ROOT),
                                f.required(),
                                f.secret(),
                                f.choices(),
                                f.minLength(),
                                f.min() == null ? null : ProviderForm.formatDuration(f.min()),
                                f.max() == null ? null : ProviderForm.formatDuration(f.max())))
                        .toList(),
                view.unreadable(),
                view.updatedAt(),
                view.updatedBy());
    }
}
