package io.siyu.customers.internal;

import io.siyu.customers.CustomerId;
import io.siyu.customers.OrderFacts;
import io.siyu.customers.Touch;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The work behind {@link io.siyu.customers.Profiles}, kept out of the module's API package. */
@Component
public class ProfileFacade {

    private final TouchRecorder recorder;
    private final IdentityRules rules;
    private final JdbcTemplate jdbc;

    ProfileFacade(TouchRecorder recorder, IdentityRules rules, JdbcTemplate jdbc) {
        this.recorder = recorder;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    public List<CustomerId> record(List<Touch> touches) {
        return recorder.record(touches);
    }

    public List<Violation> check(Touch touch) {
        return rules.extract(touch).violations();
    }

    public void updateOrderFacts(Collection<OrderFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        var sorted = facts.stream()
                .sorted(Comparator.comparingLong(f -> f.customerId().value()))
                .toList();
        jdbc.batchUpdate(
                """
                update customers.customer set order_count = ?, total_spent = ?, first_order_at = ?, last_order_at = ?
                 where id = ?""",
                sorted.stream()
                        .map(f -> new Object[] {
                            f.orderCount(),
                            f.totalSpent(),
                            Timestamps.of(f.firstOrderAt()),
                            Timestamps.of(f.lastOrderAt()),
                            f.customerId().value()
                        })
                        .toList());
    }

    public Optional<CustomerId> live(CustomerId id) {
        return jdbc
                .query(
                        "select id, merged_into from customers.customer where id = ?",
                        (rs, n) -> {
                            var merged = rs.getLong("merged_into");
                            return rs.wasNull() ? rs.getLong("id") : merged;
                        },
                        id.value())
                .stream()
                .findFirst()
                .map(CustomerId::of);
    }
}
