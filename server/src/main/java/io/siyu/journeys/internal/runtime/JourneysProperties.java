package io.siyu.journeys.internal.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the journeys module ({@code siyu.journeys.*}).
 *
 * @param triggerFreshness how old an event may be when it is recorded and still let customers enter a journey: events
 *     that happened long before they reached Siyu (an import of history, a device that was offline for days) move on
 *     runs that wait for them and count for goals, but start nobody's journey
 */
@ConfigurationProperties("siyu.journeys")
public record JourneysProperties(@DefaultValue("PT24H") Duration triggerFreshness) {}
