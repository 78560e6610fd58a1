package io.siyu.messaging.internal.tracking;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The addresses Alibaba Cloud SMS pushes receipts ({@code SmsReport}) and replies ({@code SmsUp}) to, in its "HTTP
 * batch push" mode: a JSON array per push, answered with {@code {"code":0,"msg":"接收成功"}} (any other answer, or none
 * within its timeout, makes it push again after 1, 5 and 10 minutes). The provider does not sign its pushes, so the
 * addresses carry a secret token in their path (the SMS channel's callback token, from the console or
 * {@code siyu.messaging.sms.callback-token}); a wrong token, or none
 * configured, answers 404 and reads nothing. Public by design, like the other {@code /t/} links; not part of the
 * operator API's description.
 */
@Hidden
@RestController
class SmsCallbackController {

    /** The most items Siyu reads from one push; the provider sends far fewer. */
    static final int MAX_ITEMS = 1_000;

    private static final Map<String, Object> RECEIVED = Map.of("code", 0, "msg", "接收成功");

    private final SmsCallbacks callbacks;

    SmsCallbackController(SmsCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(value = "/t/sms/{token}/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receipts(
            @PathVariable String token, @RequestBody(required = false) @Nullable JsonNode body) {
        open(token);
        var settled = callbacks.receipts(items(
                body,
                (item, field) -> new SmsCallbacks.Receipt(
                        text(item, field, "phone_number", true),
                        text(item, field, "biz_id", true),
                        flag(item, field, "success"),
                        text(item, field, "err_code", false),
                        text(item, field, "err_msg", false),
                        text(item, field, "report_time", false))));
        // a receipt that came before its message was settled: "not received" makes the provider push it again
        return settled.unmatched() == 0
                ? ResponseEntity.ok(RECEIVED)
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("code", 1, "msg", settled.unmatched() + " receipts name no message yet"));
    }

    @PostMapping(value = "/t/sms/{token}/replies", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replies(@PathVariable String token, @RequestBody(required = false) @Nullable JsonNode body) {
        open(token);
        callbacks.replies(items(
                body,
                (item, field) -> new SmsCallbacks.Reply(
                        text(item, field, "phone_number", true),
                        text(item, field, "content", true),
                        text(item, field, "send_time", false),
                        text(item, field, "sequence_id", false))));
        return RECEIVED;
    }

    private void open(String token) {
        if (!callbacks.accepts(token)) {
            throw new NotFoundException("callback", "token");
        }
    }

    private static <T> List<T> items(@Nullable JsonNode body, BiFunction<JsonNode, String, T> read) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("body", "type", "must be a JSON array, as the provider pushes");
        }
        if (body.size() > MAX_ITEMS) {
            throw new InvalidInputException("body", "max-size", "must have at most " + MAX_ITEMS + " items");
        }
        var items = new ArrayList<T>();
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < body.size(); i++) {
            var field = "[" + i + "]";
            if (!body.get(i).isObject()) {
                violations.add(new Violation(field, "type", "must be an object"));
                continue;
            }
            try {
                items.add(read.apply(body.get(i), field));
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return items;
    }

    private static @Nullable String text(JsonNode item, String at, String name, boolean required) {
        var value = item.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(at + "." + name, "required", "must be given");
            }
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new InvalidInputException(at + "." + name, "type", "must be a string");
        }
        var text = value.asString();
        if (text.length() > 1_000) {
            throw new InvalidInputException(at + "." + name, "max-length", "must have at most 1000 characters");
        }
        return text;
    }

    private static boolean flag(JsonNode item, String at, String name) {
        var value = item.get(name);
        if (value == null || !value.isBoolean()) {
            throw new InvalidInputException(at + "." + name, "type", "must be true or false");
        }
        return value.asBoolean();
    }
}
