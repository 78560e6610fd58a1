package io.siyu.messaging.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.customers.Profiles;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The customer's WeChat subscriptions in the consumer API. The shop's mini-program passes on what
 * {@code wx.requestSubscribeMessage} answered, as it answered it: per template id, {@code accept} (one subscribe
 * message of the template may now be sent), {@code reject}, {@code ban} or {@code filter} (recorded, granting nothing);
 * its {@code errMsg} is ignored. A token carries one change, once, so a report is never counted twice; a report sent
 * again with a new token carries the same {@code Idempotency-Key}.
 */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerWechatController {

    /** The most templates {@code wx.requestSubscribeMessage} asks about at once. */
    static final int MAX_TEMPLATES = 20;

    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{10,64}");
    private static final String EXAMPLE = "{\"errMsg\":\"requestSubscribeMessage:ok\","
            + "\"vJ8n-Ot2Lx5sY3EXAMPLEmS1Ip0RkA9cq7dWufBzH4\":\"accept\"}";

    private final Profiles profiles;
    private final SubscriptionGrants grants;

    ConsumerWechatController(Profiles profiles, SubscriptionGrants grants) {
        this.profiles = profiles;
        this.grants = grants;
    }

    /** The customer's subscriptions: per template, how many messages may still be sent and their latest decision. */
    record Subscriptions(List<SubscriptionGrants.Subscription> subscriptions) {}

    @GetMapping("/consumer/v1/wechat/subscriptions")
    @Operation(summary = "The calling customer's WeChat subscriptions and the messages each still allows")
    Subscriptions subscriptions(@AuthenticationPrincipal ConsumerCaller caller) {
        return new Subscriptions(
                profiles.ownedBy(caller.subject()).map(grants::of).orElse(List.of()));
    }

    @PostMapping("/consumer/v1/wechat/subscriptions")
    @Operation(
            summary = "Records what wx.requestSubscribeMessage answered: each accept allows one subscribe message",
            description = "The body is wx.requestSubscribeMessage's answer: per template id (10 to 64 letters, digits,"
                    + " '-' or '_'), one of accept, reject, ban or filter; at most 20 templates; errMsg is ignored."
                    + " Answered 409 customer-unknown when Siyu has not met the customer yet (identify them first).")
    Subscriptions report(
            @AuthenticationPrincipal ConsumerCaller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(type = "object", example = EXAMPLE)))
                    @RequestBody
                    @Nullable
                    JsonNode body) {
        var decisions = decisions(body);
        var customer = profiles.ownedBy(caller.subject())
                .orElseThrow(() -> new ConflictException(
                        "customer-unknown",
                        "Siyu has not met this customer yet: identify them through the tracking API first"));
        grants.record(customer, decisions);
        return new Subscriptions(grants.of(customer));
    }

    /** The decisions per template id of a report, or the rules it breaks. */
    private static LinkedHashMap<String, String> decisions(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(
                    "body", "type", "must be an object of template ids, each accept, reject, ban or filter");
        }
        if (body.has("errMsg") && !body.get("errMsg").isString()) {
            throw new InvalidInputException("errMsg", "type", "must be wx.requestSubscribeMessage's errMsg, a string");
        }
        var count = body.size() - (body.has("errMsg") ? 1 : 0);
        if (count < 1 || count > MAX_TEMPLATES) {
            throw new InvalidInputException(
                    "body",
                    "size",
                    "must name 1 to " + MAX_TEMPLATES + " templates, as wx.requestSubscribeMessage asks");
        }
        var decisions = new LinkedHashMap<String, String>();
        var violations = new ArrayList<Violation>();
        for (var entry : body.properties()) {
            var templateId = entry.getKey();
            if (templateId.equals("errMsg")) {
                continue;
            }
            var field = templateId.length() > 64 ? templateId.substring(0, 64) + "…" : templateId;
            if (!TEMPLATE_ID.matcher(templateId).matches()) {
                violations.add(
                        new Violation(field, "pattern", "a template id has 10 to 64 letters, digits, '-' or '_'"));
                continue;
            }
            var decision = entry.getValue();
            if (!decision.isString() || !SubscriptionGrants.DECISIONS.contains(decision.asString())) {
                violations.add(new Violation(field, "one-of", "must be one of " + SubscriptionGrants.DECISIONS));
                continue;
            }
            decisions.put(templateId, decision.asString());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return decisions;
    }
}
