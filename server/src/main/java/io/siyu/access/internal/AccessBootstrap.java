package io.siyu.access.internal;

import io.siyu.access.Role;
import io.siyu.access.WriteKeyScope;
import io.siyu.access.internal.credentials.Credentials;
import io.siyu.access.internal.operators.OperatorAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh installation its first admin, write key and API token from the environment, or the demo team when
 * the demo is on. Outside the demo there is no default password: without {@code SIYU_BOOTSTRAP_ADMIN_PASSWORD} and
 * without operators, Siyu starts but says how to create the first admin.
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

    /** The demo team's password, documented in the README; used only when the demo is on. */
    static final String DEMO_PASSWORD = "welcome-siyu";

    static final int MIN_SECRET_LENGTH = 24;

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final AccessProperties properties;
    private final OperatorAccounts accounts;
    private final Credentials credentials;

    AccessBootstrap(AccessProperties properties, OperatorAccounts accounts, Credentials credentials) {
        this.properties = properties;
        this.accounts = accounts;
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        var bootstrap = properties.bootstrap();
        if (present(bootstrap.adminPassword())) {
            accounts.ensure("admin", "Administrator", Role.ADMIN, bootstrap.adminPassword());
        }
        if (present(bootstrap.writeKey())) {
            requireStrong("SIYU_BOOTSTRAP_WRITE_KEY", bootstrap.writeKey());
            if (!credentials.writeKeyExists(bootstrap.writeKey())) {
                credentials.issueWriteKey("bootstrap", WriteKeyScope.SERVER, bootstrap.writeKey());
            }
        }
        if (present(bootstrap.apiToken())) {
            requireStrong("SIYU_BOOTSTRAP_API_TOKEN", bootstrap.apiToken());
            if (!credentials.apiTokenExists(bootstrap.apiToken())) {
                credentials.issueApiToken("bootstrap", Role.ADMIN, bootstrap.apiToken());
            }
        }
        if (properties.demo().enabled()) {
            accounts.ensure("admin", "Administrator", Role.ADMIN, DEMO_PASSWORD);
            accounts.ensure("marketer", "Lin Xiao (marketing)", Role.MARKETER, DEMO_PASSWORD);
            accounts.ensure("analyst", "Chen Yu (analytics)", Role.ANALYST, DEMO_PASSWORD);
            accounts.ensure("community", "Zhao Min (community)", Role.COMMUNITY_MANAGER, DEMO_PASSWORD);
            accounts.ensure("service", "Wang Fang (customer service)", Role.CUSTOMER_SERVICE, DEMO_PASSWORD);
            log.info(
                    "demo team ready: sign in at {} as admin / {} (also marketer, analyst, community, service)",
                    properties.publicUrl(),
                    DEMO_PASSWORD);
        } else if (!accounts.anyOperator()) {
            log.warn("no operator exists yet: restart with SIYU_BOOTSTRAP_ADMIN_PASSWORD set to create 'admin'");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void requireStrong(String variable, String value) {
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(variable + " must have at least " + MIN_SECRET_LENGTH
                    + " characters; generate one with " + "'openssl rand -base64 32'");
        }
    }
}
