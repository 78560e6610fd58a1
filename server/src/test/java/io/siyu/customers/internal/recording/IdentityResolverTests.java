package io.siyu.customers.internal.recording;

import static io.siyu.customers.TouchFixtures.alias;
import static io.siyu.customers.TouchFixtures.track;
import static io.siyu.customers.internal.identity.IdentityFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customers.internal.identity.IdentityKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an alias's former id joins the identifiers of its message. */
class IdentityResolverTests {

    @Test
    void bothReadingsOfAnAliasFormerIdAreLookedUp() {
        assertThat(IdentityResolver.previousIdKeys(
                        alias(" guest-7 ").userId("u1").build()))
                .containsExactly(key("user_id", "guest-7"), key("anonymous_id", "guest-7"));
    }

    @Test
    void aFormerIdSomeProfileHoldsAsAUserIdLinksAsOne() {
        var touch = alias("u-old").userId("u-new").build();

        assertThat(IdentityResolver.previousIdentity(touch, Map.of(key("user_id", "u-old"), 500L)))
                .isEqualTo(new IdentityKey("user_id", "u-old"));
    }

    @Test
    void aFormerIdNoProfileHoldsAsAUserIdLinksAsAnAnonymousId() {
        var touch = alias("device-1").userId("u-new").build();

        assertThat(IdentityResolver.previousIdentity(touch, Map.of(key("anonymous_id", "device-1"), 500L)))
                .isEqualTo(new IdentityKey("anonymous_id", "device-1"));
    }

    @Test
    void anAliasWithABlankFormerIdLinksNothing() {
        assertThat(IdentityResolver.previousIdKeys(alias("  ").userId("u1").build()))
                .isEmpty();
    }

    @Test
    void aTouchThatIsNoAliasHasNoFormerId() {
        assertThat(IdentityResolver.previousIdentity(
                        track("Viewed").userId("u1").build(), Map.of()))
                .isNull();
    }
}
