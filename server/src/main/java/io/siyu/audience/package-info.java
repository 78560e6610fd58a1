/**
 * Who the customers are, in groups. Owns tags (manual, rule and value tags in categories), segments defined in a
 * versioned condition language, the lifecycle models (value layers and journey stages) and RFM scoring, all answered
 * from an in-memory bitmap index kept current from the event flow.
 *
 * <p>API: {@link io.siyu.audience.Audiences} (membership questions for other modules). Publishes
 * {@link io.siyu.audience.CustomerEnteredSegment}, {@link io.siyu.audience.CustomerLeftSegment} and
 * {@link io.siyu.audience.CustomerChangedStage}. Consumes {@link io.siyu.customers.TouchesRecorded} (to keep per-day
 * activity and the index current) and reads profiles through {@link io.siyu.customers.Profiles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audience")
package io.siyu.audience;
