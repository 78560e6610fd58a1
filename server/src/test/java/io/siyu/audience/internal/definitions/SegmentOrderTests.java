package io.siyu.audience.internal.definitions;

import static io.siyu.audience.internal.definitions.RegistryFixtures.keys;
import static io.siyu.audience.internal.definitions.RegistryFixtures.parsed;
import static io.siyu.audience.internal.definitions.RegistryFixtures.registry;
import static io.siyu.audience.internal.definitions.RegistryFixtures.ruleTag;
import static io.siyu.audience.internal.definitions.RegistryFixtures.segment;
import static io.siyu.audience.internal.definitions.RegistryFixtures.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule tags and segments are evaluated after whatever they refer to, and a definition may never refer to itself. */
class SegmentOrderTests {

    @Test
    void aSegmentComesAfterTheSegmentsItRefersTo() {
        var registry = segments(segment(1, "a", 2), segment(2, "b", 3), segment(3, "c"));

        assertThat(keys(registry.order())).containsExactly("segment:3", "segment:2", "segment:1");
    }

    @Test
    void aRuleTagComesAfterTheSegmentItReadsAndBeforeTheSegmentThatReadsIt() {
        var registry = registry(
                List.of(ruleTag(7, "loyal", Set.of(2L), Set.of())),
                List.of(segment(1, "loyal locals", Set.of(), Set.of(7L)), segment(2, "viewers")));

        assertThat(keys(registry.order())).containsExactly("segment:2", "tag:7", "segment:1");
    }

    @Test
    void definitionsThatReferToNothingKeepTheirOrderRuleTagsFirst() {
        var registry = registry(
                List.of(ruleTag(8, "b", Set.of(), Set.of()), ruleTag(7, "a", Set.of(), Set.of())),
                List.of(segment(2, "y"), segment(1, "x")));

        assertThat(keys(registry.order())).containsExactly("tag:8", "tag:7", "segment:2", "segment:1");
    }

    @Test
    void aReferenceToSomethingNotRegisteredDoesNotHoldTheOrderUp() {
        var registry = segments(segment(1, "a", 99), segment(2, "b", 1));

        assertThat(keys(registry.order())).containsExactly("segment:1", "segment:2");
    }

    @Test
    void aSegmentChangedToReferToOneThatRefersToItIsRefusedNamingTheChain() {
        var registry = segments(segment(1, "a"), segment(2, "b", 1));

        assertThatThrownBy(() -> SegmentOrder.refuseCycles(
                        "segment:1", parsed(Set.of(2L), Set.of()), registry, "definition.condition"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("definition.condition");
                            assertThat(violation.rule()).isEqualTo("cycle");
                            assertThat(violation.detail())
                                    .isEqualTo("rule tags and segments would refer to themselves: segment 'a' → "
                                            + "segment 'b' → segment 'a'");
                        }));
    }

    @Test
    void aCycleThroughARuleTagIsRefused() {
        var registry = registry(
                List.of(ruleTag(7, "cycle tag", Set.of(2L), Set.of())),
                List.of(segment(1, "cycle-a"), segment(2, "cycle-b", 1)));

        assertThatThrownBy(() -> SegmentOrder.refuseCycles(
                        "segment:1", parsed(Set.of(), Set.of(7L)), registry, "definition.condition"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().detail())
                                .isEqualTo("rule tags and segments would refer to themselves: segment 'cycle-a' → tag "
                                        + "'cycle tag' → segment 'cycle-b' → segment 'cycle-a'"));
    }

    @Test
    void aRuleTagReferringToItselfIsRefused() {
        var registry = registry(List.of(ruleTag(7, "self", Set.of(), Set.of())), List.of());

        assertThatThrownBy(() ->
                        SegmentOrder.refuseCycles("tag:7", parsed(Set.of(), Set.of(7L)), registry, "rule.condition"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("rule.condition"));
    }

    @Test
    void aDefinitionReferringOnlyToIndependentOnesIsAccepted() {
        var registry = segments(segment(1, "a"), segment(2, "b", 1), segment(3, "c"));

        assertThatCode(() -> SegmentOrder.refuseCycles(
                        "segment:3", parsed(Set.of(1L, 2L), Set.of()), registry, "definition.condition"))
                .doesNotThrowAnyException();
    }

    @Test
    void whatRefersToASegmentIsNamedSoThatItIsNotDeletedFromUnderIt() {
        var registry = registry(
                List.of(ruleTag(7, "loyal", Set.of(2L), Set.of())),
                List.of(segment(1, "a", 2), segment(2, "b"), segment(3, "c")));

        assertThat(registry.usersOf(parsed -> parsed.segments().contains(2L)))
                .containsExactlyInAnyOrder("tag 'loyal' (7)", "segment 'a' (1)");
        assertThat(registry.usersOf(parsed -> parsed.segments().contains(3L))).isEmpty();
    }
}
