package io.siyu.audience.internal.activity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audience engine ({@code siyu.audience.*}).
 *
 * @param indexedProperties event properties whose values behaviour conditions may filter on ("viewed a product of
 *     category 护肤"); each adds a little work per event and memory per value
 * @param measures numeric event properties whose sum, minimum and maximum behaviour conditions may test
 * @param consentCategories categories of consent (context.consent.categoryPreferences) that conditions may name and
 *     the segment builder offers before any customer has decided on them; categories customers decided on are added
 * @param retentionDays how many days of per-day behaviour the index keeps; longer windows are refused, all-time
 *     figures are kept regardless
 * @param rfmRefresh how soon after new purchases RFM scores are computed again (quintiles move with every purchase,
 *     so they are recomputed for everyone, at most this often, rather than per event)
 */
@ConfigurationProperties("siyu.audience")
public record AudienceProperties(
        @DefaultValue({"category", "product_id", "brand"}) List<String> indexedProperties,

        @DefaultValue({"price", "total", "revenue", "value", "quantity", "amount"})
        List<String> measures,

        @DefaultValue({"email", "sms", "push", "wechat", "wecom", "inbox"})
        List<String> consentCategories,

        @DefaultValue("400") int retentionDays,

        @DefaultValue("PT1M") Duration rfmRefresh) {}
