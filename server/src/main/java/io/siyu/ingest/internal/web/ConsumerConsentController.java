package io.siyu.ingest.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.ingest.Ingestion;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Sha256;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's own consent choice in the consumer API: recorded as the tracking API records a consent dialog's, as
 * a {@code Segment Consent Preference Updated} track of the calling user with {@code context.consent}, so that it
 * takes the same checks, the same order by time and the same history as every other consent decision. The message id
 * comes from the token's {@code jti}, so the same token can never record the choice twice.
 */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerConsentController {

    static final String EVENT = "Segment Consent Preference Updated";
    private static final String CONSENT_PATH = "[0].context.consent.";

    private final Ingestion ingestion;
    private final JsonMapper json;
    private final Clock clock;

    ConsumerConsentController(Ingestion ingestion, JsonMapper json, Clock clock) {
        this.ingestion = ingestion;
        this.json = json;
        this.clock = clock;
    }

    /** A consent choice: per category (such as {@code email}, {@code sms}), whether the customer agrees. */
    record ConsentChoice(JsonNode categoryPreferences) {}

    /** What was recorded, and the id of the message that records it. */
    record ConsentAccepted(Map<String, Boolean> categoryPreferences, String messageId) {}

    @PutMapping("/consumer/v1/me/consents")
    ResponseEntity<ConsentAccepted> chooseOwnConsents(
            @AuthenticationPrincipal ConsumerCaller caller, @RequestBody ConsentChoice body) {
        var preferences = body.categoryPreferences();
        if (preferences == null || preferences.isNull()) {
            throw new InvalidInputException("categoryPreferences", "required", "is required");
        }
        if (!preferences.isObject()) {
            throw new InvalidInputException(
                    "categoryPreferences", "type", "must be an object of categories, each true (granted) or false");
        }
        if (preferences.isEmpty()) {
            throw new InvalidInputException(
                    "categoryPreferences",
                    "min-size",
                    "must name at least one category; to withdraw consent, name each category with false");
        }
        var messageId = "consumer-consent-" + Sha256.hex(caller.keyId() + " " + caller.tokenId());
        var message = json.createObjectNode()
                .put("type", "track")
                .put("messageId", messageId)
                .put("userId", caller.subject())
                .put("event", EVENT)
                .put("timestamp", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        message.putObject("context").putObject("consent").set("categoryPreferences", preferences);
        var report = ingestion.accept(List.of(message));
        if (report.rejected() > 0) {
            throw new InvalidInputException(report.violations().stream()
                    .map(ConsumerConsentController::asField)
                    .toList());
        }
        var accepted = new LinkedHashMap<String, Boolean>();
        preferences
                .properties()
                .forEach(entry -> accepted.put(entry.getKey(), entry.getValue().asBoolean()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ConsentAccepted(accepted, messageId));
    }

    /** A rule the message broke, named by the field of this request it came from. */
    private static Violation asField(Violation violation) {
        var field = violation.field();
        var named = field.startsWith(CONSENT_PATH)
                ? field.substring(CONSENT_PATH.length())
                : field.startsWith("[0].") ? field.substring(4) : field;
        return new Violation(named, violation.rule(), violation.detail());
    }
}
