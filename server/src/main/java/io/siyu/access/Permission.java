package io.siyu.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * One thing an operator may do. Endpoints name the permission they need with
 * {@code @PreAuthorize("hasAuthority('customers:read')")}; the authority string is {@link #authority()}.
 */
public enum Permission {
    CUSTOMERS_READ("customers:read", "See customers, their identities, traits, facts and timelines"),
    PERSONAL_DATA_READ("personal-data:read", "See phone numbers and e-mail addresses unmasked"),
    COMMERCE_READ("commerce:read", "See orders and products"),
    CATALOGUE_WRITE("catalogue:write", "Create and change products"),
    INSIGHT_READ("insight:read", "See the overview and reports"),
    AUDIENCE_READ("audience:read", "See tags, segments, lifecycle stages and RFM"),
    AUDIENCE_WRITE(
            "audience:write", "Create and change tags, segments, lifecycle models and RFM settings; tag customers"),
    AUDIENCE_EXPORT("audience:export", "Export segment members"),
    AUDIENCE_REBUILD(
            "audience:rebuild",
            "Rebuild behaviour from every stored event (applying new events waits until it is done)"),
    IMPORTS_RUN("imports:run", "Import customers and orders from files"),
    MESSAGES_READ(
            "messages:read",
            "See message templates, the messages sent and skipped (addresses masked), the sandbox outbox and the"
                    + " suppression list"),
    TEMPLATES_WRITE("templates:write", "Create, change and archive message templates"),
    MESSAGES_SEND("messages:send", "Send messages to customers and test messages to any address"),
    SUPPRESSIONS_WRITE("suppressions:write", "Suppress customers on a channel and lift suppressions"),
    RESPECT_WRITE(
            "respect:write",
            "Change the quiet hours and frequency caps that protect every customer from too much marketing"),
    PROVIDERS_MANAGE(
            "providers:manage",
            "See and set each channel's provider and its credentials (never shown once given), and check them"),
    JOURNEYS_READ("journeys:read", "See journeys, their versions and reports"),
    JOURNEYS_WRITE("journeys:write", "Draw, publish, pause, resume and archive journeys"),
    JOURNEYS_ENTER("journeys:enter", "Enter customers into journeys whose trigger is the API (the shop's backend)"),
    LOYALTY_READ("loyalty:read", "See members' points balances and ledgers"),
    LOYALTY_WRITE("loyalty:write", "Grant and deduct members' points by hand, each with its reason"),
    WEBHOOKS_READ("webhooks:read", "See webhook endpoints (never their secrets) and their deliveries"),
    WEBHOOKS_WRITE(
            "webhooks:write",
            "Register and change webhook endpoints, rotate their signing secrets, send test deliveries and redeliver"),
    INGESTION_READ("ingestion:read", "See the messages the tracking API rejected and why (personal data masked)"),
    KEYS_MANAGE("keys:manage", "Create and revoke write keys, API tokens and consumer keys"),
    OPERATORS_MANAGE(
            "operators:manage",
            "Create operators, change their roles and passwords, disable them, lift sign-in limits"),
    AUDIT_READ("audit:read", "Read the audit log"),
    METRICS_READ("metrics:read", "Scrape operational metrics");

    private final String authority;
    private final String description;

    Permission(String authority, String description) {
        this.authority = authority;
        this.description = description;
    }

    /** What the permission is called in answers, in Spring Security and in the OpenAPI description. */
    @JsonValue
    public String authority() {
        return authority;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> ofAuthority(String authority) {
        return Arrays.stream(values())
                .filter(p -> p.authority.equals(authority))
                .findFirst();
    }
}
