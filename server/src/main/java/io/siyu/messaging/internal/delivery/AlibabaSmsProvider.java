package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.templates.TemplateRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through Alibaba Cloud SMS ({@code Dysmsapi}, API version 2017-05-25) over HTTPS, every request signed with
 * {@link AcsSignature}. Messages of one template go together with {@code SendBatchSms} (up to 100 numbers, each with its
 * own signature and parameters, one {@code BizId} for all); a single message goes with {@code SendSms}, which also
 * carries the ledger id as {@code OutId}. A batch refused for the sake of one number (an illegal one, one at its limit)
 * is sent again number by number, so only that number's message is held back. Answer codes are read by
 * {@link AlibabaSmsErrors}; a timeout or a 5xx answer is tried again. The API does not accept an idempotency key: a
 * request that timed out may have been sent, as the provider documents.
 */
public class AlibabaSmsProvider implements Provider {

    private static final Logger LOG = LoggerFactory.getLogger(AlibabaSmsProvider.class);
    /** The provider's name on the ledger. */
    public static final String NAME = "aliyun-sms";

    private static final String VERSION = "2017-05-25";
    private static final int MAX_BATCH = 100;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final MessagingProperties.Sms settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public AlibabaSmsProvider(MessagingProperties.Sms settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = ProviderHttp.client(settings.timeout());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Tries the AccessKey with a signed call that sends nothing: the first of the account's signatures
     * ({@code QuerySmsSignList}).
     */
    @Override
    public ProviderCheck check() {
        var query = new LinkedHashMap<String, String>();
        query.put("PageIndex", "1");
        query.put("PageSize", "1");
        var answer = call("QuerySmsSignList", query);
        if (answer.failure() != null) {
            return ProviderCheck.failed(answer.failure());
        }
        return "OK".equals(answer.code())
                ? ProviderCheck.ok("Alibaba Cloud SMS answered the signed call")
                : ProviderCheck.failed("Alibaba Cloud SMS answered " + answer.code() + ": " + answer.message());
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        var results = new HashMap<Long, Delivery>();
        var byTemplate = new LinkedHashMap<String, List<Outgoing>>();
        for (var message : messages) {
            var refusal = refusal(message);
            if (refusal != null) {
                results.put(message.sendId(), refusal);
            } else {
                byTemplate
                        .computeIfAbsent(message.rendered().sms().templateCode(), k -> new ArrayList<>())
                        .add(message);
            }
        }
        var size = Math.max(1, Math.min(settings.batch(), MAX_BATCH));
        byTemplate.values().forEach(group -> {
            for (int from = 0; from < group.size(); from += size) {
                var chunk = group.subList(from, Math.min(group.size(), from + size));
                chunk(chunk).forEach(d -> results.put(d.sendId(), d));
            }
        });
        return messages.stream().map(m -> results.get(m.sendId())).toList();
    }

    /** Why a message cannot be asked of the provider at all, or null. */
    private static Delivery refusal(Outgoing message) {
        var sms = message.rendered().sms();
        if (sms == null) {
            return Delivery.parked(message.sendId(), "the template names no SMS template of the provider");
        }
        if (sms.signName() == null || sms.signName().isBlank()) {
            return Delivery.parked(message.sendId(), "no signature: the template names none and none is configured");
        }
        for (var parameter : sms.parameters().entrySet()) {
            var value = parameter.getValue();
            if (value.codePointCount(0, value.length()) > TemplateRules.MAX_SMS_PARAMETER) {
                return Delivery.rejected(
                        message.sendId(),
                        "the parameter '" + parameter.getKey() + "' has " + value.codePointCount(0, value.length())
                                + " characters for this customer; the provider takes at most "
                                + TemplateRules.MAX_SMS_PARAMETER);
            }
        }
        if (number(message.to()) == null) {
            return Delivery.rejected(message.sendId(), "not a phone number the provider takes");
        }
        return null;
    }

    private List<Delivery> chunk(List<Outgoing> chunk) {
        if (chunk.size() == 1) {
            return List.of(single(chunk.getFirst()));
        }
        var first = chunk.getFirst();
        var query = new LinkedHashMap<String, String>();
        query.put(
                "PhoneNumberJson",
                json.writeValueAsString(chunk.stream().map(m -> number(m.to())).toList()));
        query.put(
                "SignNameJson",
                json.writeValueAsString(
                        chunk.stream().map(m -> m.rendered().sms().signName()).toList()));
        query.put("TemplateCode", first.rendered().sms().templateCode());
        query.put(
                "TemplateParamJson",
                json.writeValueAsString(
                        chunk.stream().map(m -> m.rendered().sms().parameters()).toList()));
        var answer = call("SendBatchSms", query);
        if (answer.code() != null && AlibabaSmsErrors.concernsOneNumber(answer.code())) {
            return chunk.stream().map(this::single).toList();
        }
        return chunk.stream().map(m -> answer.delivery(m.sendId())).toList();
    }

    private Delivery single(Outgoing message) {
        var sms = message.rendered().sms();
        var query = new LinkedHashMap<String, String>();
        query.put("PhoneNumbers", number(message.to()));
        query.put("SignName", sms.signName());
        query.put("TemplateCode", sms.templateCode());
        query.put("TemplateParam", json.writeValueAsString(sms.parameters()));
        if (message.sendId() > 0) {
            query.put("OutId", String.valueOf(message.sendId()));
        }
        return call("SendSms", query).delivery(message.sendId());
    }

    /** The provider's answer to one request: its code, message and BizId, or a failure of the exchange itself. */
    private record Answer(String code, String message, String bizId, String failure) {

        Delivery delivery(long sendId) {
            if (failure != null) {
                return Delivery.retry(sendId, failure);
            }
            return AlibabaSmsErrors.outcome(sendId, code, message, bizId);
        }
    }

    private Answer call(String action, Map<String, String> query) {
        var endpoint = settings.endpoint();
        var headers = new LinkedHashMap<String, String>();
        headers.put("host", authority(endpoint));
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", VERSION);
        headers.put("x-acs-date", DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        var signed = AcsSignature.sign(
                "POST", "/", query, headers, new byte[0], settings.accessKeyId(), settings.accessKeySecret());
        var request = HttpRequest.newBuilder(endpoint.resolve("/?" + AcsSignature.canonicalQuery(query)))
                .timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.noBody());
        signed.headers().forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        request.header("accept", "application/json");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(
                    null,
                    null,
                    null,
                    "the provider could not be reached: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, null, "interrupted while sending");
        }
        try {
            var body = json.readTree(response.body());
            var code = body.path("Code").asString("");
            if (!code.isEmpty()) {
                if (!code.equals("OK")) {
                    LOG.info(
                            "Alibaba Cloud SMS answered {} to {}: {}",
                            code,
                            action,
                            body.path("Message").asString(""));
                }
                return new Answer(
                        code,
                        body.path("Message").asString(""),
                        body.path("BizId").asString(null),
                        null);
            }
        } catch (JacksonException e) {
            // not JSON: judged by the status below
        }
        return new Answer(null, null, null, "the provider answered HTTP " + response.statusCode());
    }

    /** The host (and port, if given) as the request's Host header carries it, and as it is signed. */
    static String authority(URI endpoint) {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    /**
     * A phone number as the provider takes it: mainland Chinese numbers without their country code, others as the
     * country code and number without {@code +}; null for anything else.
     */
    static String number(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            return null;
        }
        return e164.startsWith("+86") ? e164.substring(3) : e164.substring(1);
    }

    /**
     * A number as a receipt or a reply names it, in E.164: mainland Chinese mobile numbers come without their country
     * code (11 digits starting with 1), others with it; null for anything that is not a number.
     */
    public static String e164(String pushed) {
        if (pushed == null) {
            return null;
        }
        var digits = pushed.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.matches("1[0-9]{10}")) {
            digits = "86" + digits;
        }
        return digits.matches("[1-9][0-9]{6,14}") ? "+" + digits : null;
    }
}
