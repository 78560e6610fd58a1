package io.siyu.journeys.internal.runtime;

import io.siyu.audience.Audiences;
import io.siyu.customers.CustomerId;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The interpreter's questions about a customer, answered now: segments and conditions by the audience engine, their
 * time zone by their profile (the brand's when they named none), their best hours by the counts of their responses.
 */
@Component
class CustomerFacts {

    private final Audiences audiences;
    private final HourCounts hours;
    private final ZoneId brandZone;

    CustomerFacts(Audiences audiences, HourCounts hours, @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId brandZone) {
        this.audiences = audiences;
        this.hours = hours;
        this.brandZone = brandZone;
    }

    Interpreter.Facts of(long customer) {
        var id = CustomerId.of(customer);
        return new Interpreter.Facts() {
            @Override
            public boolean inSegment(long segment) {
                return audiences.isMember(segment, id);
            }

            @Override
            public boolean meets(JsonNode condition) {
                return audiences.meets(id, condition);
            }

            @Override
            public ZoneId timeZone() {
                return hours.zoneOf(id, brandZone);
            }

            @Override
            public double[] responsiveness() {
                return BestHour.estimate(hours.of(id), hours.brand());
            }
        };
    }
}
