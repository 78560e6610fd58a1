package io.siyu.audience.internal.condition;

import static io.siyu.audience.internal.condition.ConditionFixtures.assertRefused;
import static io.siyu.audience.internal.condition.ConditionFixtures.catalog;
import static io.siyu.audience.internal.condition.ConditionFixtures.definition;
import static io.siyu.audience.internal.condition.ConditionFixtures.json;
import static io.siyu.audience.internal.condition.ConditionFixtures.parsed;
import static io.siyu.audience.internal.condition.ConditionFixtures.refused;
import static io.siyu.audience.internal.condition.ConditionFixtures.refusedDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.access.PersonalDataRequired;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The condition language read from JSON: what each definition becomes, and how a wrong one is refused. */
class ConditionParserTests {

    @Test
    void aTraitComparisonBecomesAnAttributeWithItsValue() {
        var parsed = parsed("""
                {"type": "trait", "trait": "city", "operator": "equals", "value": "苏州"}""", catalog().textTrait("city"));

        assertThat(parsed.condition()).isInstanceOfSatisfying(Condition.Attribute.class, attribute -> {
            assertThat(attribute.source()).isEqualTo(Condition.Source.TRAIT);
            assertThat(attribute.name()).isEqualTo("city");
            assertThat(attribute.operator()).isEqualTo(Condition.Operator.EQUALS);
            assertThat(attribute.values()).containsExactly("苏州");
        });
    }

    @Test
    void aNumberIsComparedAsTheIndexWritesNumbers() {
        var parsed = parsed("""
                {"type": "trait", "trait": "age", "operator": "equals", "value": 30.0}""", catalog().numberTrait("age"));

        var attribute = (Condition.Attribute) parsed.condition();
        assertThat(attribute.values()).containsExactly("30");
        assertThat(attribute.number()).isEqualByComparingTo(new BigDecimal("30"));
    }

    @Test
    void combinationsKeepTheirPartsAndTheSegmentsAndTagsTheyReferTo() {
        var parsed = parsed("""
                {"type": "all", "conditions": [
                  {"type": "tag", "tag": "vip"},
                  {"type": "not", "condition": {"type": "segment", "segment": 3}}]}""", catalog().tag("vip", 7).segment(3));

        assertThat(parsed.condition())
                .isEqualTo(new Condition.All(
                        List.of(new Condition.Tag(7, "vip", null, null), new Condition.Not(new Condition.Segment(3)))));
        assertThat(parsed.segments()).containsExactly(3L);
        assertThat(parsed.tags()).containsExactly(7L);
    }

    @Test
    void channelsAreComparedInLowerCase() {
        var parsed = parsed("""
                {"type": "channel", "values": ["WeChat", " App "]}""", catalog());

        var attribute = (Condition.Attribute) parsed.condition();
        assertThat(attribute.source()).isEqualTo(Condition.Source.FACT);
        assertThat(attribute.name()).isEqualTo("channel");
        assertThat(attribute.operator()).isEqualTo(Condition.Operator.IN);
        assertThat(attribute.values()).containsExactly("wechat", "app");
    }

    @Test
    void behaviourKeepsItsWindowAndCountAndIsEverWithoutAWindow() {
        var windowed = (Condition.Behaviour) parsed("""
                        {"type": "event", "event": "Product Viewed", "window": {"lastDays": 30},
                         "count": {"operator": "at_least", "value": 3}}""", catalog()).condition();
        var ever = (Condition.Behaviour) parsed("""
                        {"type": "event", "event": "Product Viewed"}""", catalog()).condition();

        assertThat(windowed.window().lastDays()).isEqualTo(30);
        assertThat(windowed.count().operator()).isEqualTo(Condition.Operator.AT_LEAST);
        assertThat(windowed.count().value()).isEqualByComparingTo("3");
        assertThat(ever.window()).isEqualTo(Condition.Window.EVER);
        assertThat(ever.count()).isNull();
    }

    @Test
    void anUnknownTraitIsRefusedNamingWhereItStands() {
        var violation = refused("""
                {"type": "all", "conditions": [{"type": "trait", "trait": "no_such_trait", "operator": "exists"}]}""", catalog());

        assertThat(violation)
                .isEqualTo(new Violation(
                        "definition.condition.conditions[0].trait",
                        "unknown-trait",
                        "no customer has a trait named 'no_such_trait'"));
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsExpectedThere() {
        var violation = refused("""
                {"type": "trait", "trait": "city", "operator": "equals", "value": "苏州", "windw": {"lastDays": 3}}""", catalog().textTrait("city"));

        assertThat(violation)
                .isEqualTo(new Violation(
                        "definition.condition.windw",
                        "unknown-field",
                        "is not a field here; expected trait, operator, value, values, from, to, date, days"));
    }

    @Test
    void aNumberComparisonOnATraitWithoutNumbersNamesTheOperator() {
        var violation = refused("""
                {"type": "trait", "trait": "city", "operator": "at_least", "value": 3}""", catalog().textTrait("city"));

        assertThat(violation)
                .isEqualTo(new Violation(
                        "definition.condition.operator", "type", "'city' holds no numbers; at_least compares numbers"));
    }

    @Test
    void aWindowLongerThanTheIndexKeepsIsRefused() {
        var violation = refused("""
                {"type": "event", "event": "Product Viewed", "window": {"lastDays": 5000}}""", catalog().keepingDays(400));

        assertThat(violation)
                .isEqualTo(new Violation(
                        "definition.condition.window.lastDays", "window-too-large", "must be from 1 to 400 days"));
    }

    @Test
    void aWindowStartingBeforeTheDaysTheIndexKeepsIsRefused() {
        assertRefused("""
                {"type": "purchase", "window": {"from": "2020-01-01", "to": "2026-03-01"}}""", catalog().keepingDays(400), "definition.condition.window.from", "window-too-large");
    }

    @Test
    void anUnknownSegmentIsRefused() {
        var violation = refused("""
                {"type": "segment", "segment": 987654}""", catalog());

        assertThat(violation)
                .isEqualTo(
                        new Violation("definition.condition.segment", "unknown-segment", "there is no segment 987654"));
    }

    @Test
    void aDefinitionOfAnotherVersionIsRefused() {
        var violation = refusedDefinition(json("""
                        {"version": 2, "condition": {"type": "channel", "values": ["web"]}}"""), catalog());

        assertThat(violation).isEqualTo(new Violation("definition.version", "version", "must be 1"));
    }

    @Test
    void conditionsNestedTooDeeplyAreRefused() {
        var condition = "{\"type\": \"channel\", \"values\": [\"web\"]}";
        for (int i = 0; i < ConditionParser.MAX_DEPTH; i++) {
            condition = "{\"type\": \"not\", \"condition\": " + condition + "}";
        }

        var violation = refused(condition, catalog());

        assertThat(violation.rule()).isEqualTo("max-depth");
        assertThat(violation.detail()).isEqualTo("conditions may nest at most 12 levels deep");
    }

    @Test
    void anUnknownFactIsRefusedListingTheFacts() {
        assertRefused("""
                        {"type": "fact", "fact": "lifetime_value", "operator": "at_least", "value": 1}""", catalog(), "definition.condition.fact", "unknown-fact")
                .startsWith("must be one of channel, event_count, order_count");
    }

    @Test
    void aTimeFactTakesOnlyDateOperators() {
        assertRefused("""
                        {"type": "fact", "fact": "last_seen_at", "operator": "at_least", "value": 3}""", catalog(), "definition.condition.operator", "type")
                .startsWith("last_seen_at is a time; use before, after");
    }

    @Test
    void aTagWithoutValuesTakesNoOperator() {
        assertRefused("""
                {"type": "tag", "tag": "vip", "operator": "equals", "value": "gold"}""", catalog().tag("vip", 7), "definition.condition.operator", "not-a-value-tag");
    }

    @Test
    void aValueTagIsComparedWithItsValues() {
        var parsed = parsed("""
                {"type": "tag", "tag": "tier", "operator": "in", "values": ["gold", "silver"]}""", catalog().valueTag("tier", 9));

        assertThat(parsed.condition())
                .isEqualTo(new Condition.Tag(9, "tier", Condition.Operator.IN, List.of("gold", "silver")));
    }

    @Test
    void anUnknownConsentCategoryIsRefusedListingTheKnownOnes() {
        assertRefused(
                        """
                        {"type": "consent", "category": "carrier_pigeon", "state": "granted"}""",
                        catalog().consent("sms").consent("email"),
                        "definition.condition.category",
                        "unknown-category")
                .endsWith("known: email, sms");
    }

    @Test
    void onlyIndexedPropertiesMayBeFilteredOnAndOnlyMeasuredOnesAggregated() {
        assertRefused("""
                {"type": "event", "event": "Product Viewed", "where": {"property": "colour", "value": "red"}}""", catalog().indexed("category"), "definition.condition.where.property", "not-indexed");
        assertRefused("""
                {"type": "event", "event": "Order Completed",
                 "aggregate": {"function": "sum", "property": "tip", "operator": "at_least", "value": 5}}""", catalog().measured("total"), "definition.condition.aggregate.property", "not-measured");
    }

    @Test
    void anUnknownRfmGroupIsRefusedListingTheGroups() {
        assertRefused("""
                        {"type": "rfm", "group": "whales"}""", catalog(), "definition.condition.group", "unknown-group")
                .startsWith("must be one of [champions, loyal");
    }

    @Test
    void everyMistakeOfADefinitionIsReported() {
        var mistakes = new InvalidInputException[1];
        assertThatThrownBy(() -> ConditionParser.parse(definition("""
                                {"type": "any", "conditions": [
                                  {"type": "trait", "trait": "a", "operator": "exists"},
                                  {"type": "trait", "trait": "b", "operator": "exists"}]}"""), catalog()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> mistakes[0] = e);

        assertThat(mistakes[0].violations())
                .extracting(v -> v.field())
                .containsExactly(
                        "definition.condition.conditions[0].trait", "definition.condition.conditions[1].trait");
    }

    @Test
    void aSavedDefinitionStillLoadsWhenWhatItNamesIsGone() {
        var parsed = parsed("""
                {"type": "all", "conditions": [
                  {"type": "trait", "trait": "gone", "operator": "exists"},
                  {"type": "tag", "tag": "deleted"},
                  {"type": "segment", "segment": 42}]}""", catalog().storedDefinitions());

        // the tag matches nobody: no tag has that id
        assertThat(parsed.tags()).containsExactly(-1L);
        assertThat(parsed.segments()).isEqualTo(Set.of(42L));
    }

    @Test
    void comparingATraitHoldingPhonesOrEmailsNeedsPersonalDataRead() {
        var catalog = catalog().personalTrait("contact").withoutPersonalData();

        assertThatThrownBy(() -> parsed("""
                        {"type": "trait", "trait": "contact", "operator": "starts_with", "value": "+86"}""", catalog)).isInstanceOf(PersonalDataRequired.class);
        // whether it is there at all gives nothing away
        assertThat(parsed("""
                        {"type": "trait", "trait": "contact", "operator": "exists"}""", catalog).condition()).isInstanceOf(Condition.Attribute.class);
    }
}
