package io.siyu.customers.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.customers.internal.directory.CustomerDirectory;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's own profile in the consumer API: who Siyu takes them for, and their consent per category. */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerProfileController {

    private final CustomerDirectory directory;

    ConsumerProfileController(CustomerDirectory directory) {
        this.directory = directory;
    }

    /**
     * The calling customer: {@code subject} is the shop's user id from the token, {@code customerId} Siyu's id of the
     * customer (absent until Siyu has met this user through the tracking API).
     */
    record ConsumerProfile(String subject, @Nullable Long customerId, List<ConsumerConsent> consents) {}

    /** Where the customer stands on a category of consent: granted or not, since when. */
    record ConsumerConsent(String category, boolean granted, Instant since) {}

    @GetMapping("/consumer/v1/me")
    ConsumerProfile ownProfile(@AuthenticationPrincipal ConsumerCaller caller) {
        return directory
                .own(caller.subject())
                .map(own -> new ConsumerProfile(
                        caller.subject(),
                        own.customerId(),
                        own.consents().stream()
                                .map(c -> new ConsumerConsent(c.category(), c.granted(), c.since()))
                                .toList()))
                .orElseGet(() -> new ConsumerProfile(caller.subject(), null, List.of()));
    }
}
