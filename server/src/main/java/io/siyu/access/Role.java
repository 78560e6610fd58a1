package io.siyu.access;

import static io.siyu.access.Permission.AUDIENCE_EXPORT;
import static io.siyu.access.Permission.AUDIENCE_READ;
import static io.siyu.access.Permission.AUDIENCE_WRITE;
import static io.siyu.access.Permission.CATALOGUE_WRITE;
import static io.siyu.access.Permission.COMMERCE_READ;
import static io.siyu.access.Permission.CUSTOMERS_READ;
import static io.siyu.access.Permission.IMPORTS_RUN;
import static io.siyu.access.Permission.INGESTION_READ;
import static io.siyu.access.Permission.INSIGHT_READ;
import static io.siyu.access.Permission.JOURNEYS_ENTER;
import static io.siyu.access.Permission.JOURNEYS_READ;
import static io.siyu.access.Permission.JOURNEYS_WRITE;
import static io.siyu.access.Permission.LOYALTY_READ;
import static io.siyu.access.Permission.LOYALTY_WRITE;
import static io.siyu.access.Permission.MESSAGES_READ;
import static io.siyu.access.Permission.MESSAGES_SEND;
import static io.siyu.access.Permission.METRICS_READ;
import static io.siyu.access.Permission.PERSONAL_DATA_READ;
import static io.siyu.access.Permission.SUPPRESSIONS_WRITE;
import static io.siyu.access.Permission.TEMPLATES_WRITE;
import static io.siyu.access.Permission.WEBHOOKS_READ;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a brand's operations team and what each may do: the permission matrix of {@code docs/api.md}. Only
 * roles whose work needs to contact a customer (admins, customer service) see personal data unmasked.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    MARKETER(EnumSet.of(
            CUSTOMERS_READ,
            COMMERCE_READ,
            CATALOGUE_WRITE,
            INSIGHT_READ,
            IMPORTS_RUN,
            AUDIENCE_READ,
            AUDIENCE_WRITE,
            AUDIENCE_EXPORT,
            MESSAGES_READ,
            TEMPLATES_WRITE,
            MESSAGES_SEND,
            SUPPRESSIONS_WRITE,
            JOURNEYS_READ,
            JOURNEYS_WRITE,
            JOURNEYS_ENTER,
            LOYALTY_READ,
            LOYALTY_WRITE,
            WEBHOOKS_READ)),
    ANALYST(EnumSet.of(
            CUSTOMERS_READ,
            COMMERCE_READ,
            INSIGHT_READ,
            INGESTION_READ,
            METRICS_READ,
            AUDIENCE_READ,
            AUDIENCE_EXPORT,
            MESSAGES_READ,
            JOURNEYS_READ,
            LOYALTY_READ,
            WEBHOOKS_READ)),
    COMMUNITY_MANAGER(
            EnumSet.of(CUSTOMERS_READ, INSIGHT_READ, AUDIENCE_READ, MESSAGES_READ, JOURNEYS_READ, LOYALTY_READ)),
    CUSTOMER_SERVICE(EnumSet.of(
            CUSTOMERS_READ,
            PERSONAL_DATA_READ,
            COMMERCE_READ,
            AUDIENCE_READ,
            MESSAGES_READ,
            SUPPRESSIONS_WRITE,
            LOYALTY_READ,
            LOYALTY_WRITE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public static Role parse(String field, String value) {
        try {
            return Role.valueOf(value.trim().toUpperCase().replace('-', '_').replace(' ', '_'));
        } catch (RuntimeException e) {
            throw new io.siyu.shared.InvalidInputException(
                    field, "one-of", "must be one of " + java.util.Arrays.toString(values()));
        }
    }
}
