package io.siyu.messaging.internal.wechat;

import io.siyu.customers.CustomerId;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions customers granted in the mini-program: what makes a subscribe message lawful. Each time a customer
 * accepts a template in {@code wx.requestSubscribeMessage}, WeChat allows one message of it; Siyu counts them per
 * customer and template, and a message takes one before WeChat is asked, in one statement, so that concurrent
 * dispatchers can never together send more messages than were granted. A message that did not go and may go later (a
 * retry, a quota waited out, a template to fix) gives its grant back; one WeChat refused for good spent it.
 *
 * <p>Decisions reach Siyu two ways: the mini-program reports what {@code wx.requestSubscribeMessage} answered, and
 * WeChat pushes each decision ({@code subscribe_msg_popup_event}). The same accept usually comes both ways, so each
 * way's accepts are counted apart ({@code accepted}, {@code pushed}) and a customer is granted the larger count: an
 * accept reported twice grants one message, and one only WeChat saw (a pop-up after a payment) still grants one. A
 * subscription the customer turned off in WeChat's settings ({@code subscribe_msg_change_event}) is withdrawn.
 */
@Component
public class SubscriptionGrants {

    /** The outcome of a subscribe message the customer has no subscription for. */
    public static final String NO_SUBSCRIPTION = "no-subscription";

    /** What a customer may answer for a template in {@code wx.requestSubscribeMessage}. */
    public static final List<String> DECISIONS = List.of("accept", "reject", "ban", "filter");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubscriptionGrants(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A customer's standing with one template. */
    public record Subscription(String templateId, int remaining, String lastDecision, Instant decidedAt) {}

    /**
     * Records the customer's decisions per template, as the mini-program reported them: each {@code accept} grants one
     * message more, unless WeChat pushed it already (see the class's description).
     */
    @Transactional
    public void record(CustomerId customer, Map<String, String> decisions) {
        decide(customer, decisions, false);
    }

    /**
     * Records the decisions WeChat pushed from the customer's subscription pop-up: each {@code accept} grants one
     * message more, unless the mini-program reported it already (see the class's description).
     */
    @Transactional
    public void pushed(CustomerId customer, Map<String, String> decisions) {
        decide(customer, decisions, true);
    }

    /** Counts the accepts among the decisions as the mini-program's or WeChat's; grants what the larger count gained. */
    private void decide(CustomerId customer, Map<String, String> decisions, boolean pushed) {
        var now = Timestamps.of(clock.instant());
        jdbc.batchUpdate(
                """
                insert into messaging.wechat_subscription as s
                       (customer_id, template_id, remaining, accepted, pushed, last_decision, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id, template_id) do update
                   set remaining = s.remaining + greatest(s.accepted + excluded.accepted, s.pushed + excluded.pushed)
                                   - greatest(s.accepted, s.pushed),
                       accepted = s.accepted + excluded.accepted, pushed = s.pushed + excluded.pushed,
                       last_decision = excluded.last_decision, decided_at = excluded.decided_at""",
                decisions.entrySet().stream()
                        .map(e -> {
                            var granted = e.getValue().equals("accept") ? 1 : 0;
                            return new Object[] {
                                customer.value(),
                                e.getKey(),
                                granted,
                                pushed ? 0 : granted,
                                pushed ? granted : 0,
                                e.getValue(),
                                now
                            };
                        })
                        .toList());
    }

    /**
     * Withdraws the customer's subscriptions of the templates they turned off in WeChat's settings: no message of them
     * may be sent until they accept one again.
     */
    @Transactional
    public void withdraw(CustomerId customer, List<String> templateIds) {
        var now = Timestamps.of(clock.instant());
        jdbc.batchUpdate(
                """
                insert into messaging.wechat_subscription as s
                       (customer_id, template_id, remaining, last_decision, decided_at)
                values (?, ?, 0, 'reject', ?)
                on conflict (customer_id, template_id) do update
                   set remaining = 0, last_decision = 'reject', decided_at = excluded.decided_at""",
                templateIds.stream()
                        .map(templateId -> new Object[] {customer.value(), templateId, now})
                        .toList());
    }

    /** The customer's subscriptions, by template id. */
    public List<Subscription> of(CustomerId customer) {
        return jdbc.query(
                """
                select template_id, remaining, last_decision, decided_at from messaging.wechat_subscription
                 where customer_id = ? order by template_id""",
                (rs, row) -> new Subscription(
                        rs.getString("template_id"),
                        rs.getInt("remaining"),
                        rs.getString("last_decision"),
                        rs.getTimestamp("decided_at").toInstant()),
                customer.value());
    }

    /**
     * Takes one grant of the template for a message: false when the customer has none left. A customer merged into
     * another profile since the message was taken takes from the survivor's grants, where theirs went.
     */
    public boolean take(CustomerId customer, String templateId) {
        return !jdbc.queryForList("""
                        update messaging.wechat_subscription set remaining = remaining - 1
                         where customer_id = """ + HOLDER + """
                           and template_id = ? and remaining > 0 returning remaining""", Integer.class, customer.value(), customer.value(), templateId)
                .isEmpty();
    }

    /** Gives back a grant taken for a message that did not go (to the survivor, if the customer was merged since). */
    public void giveBack(CustomerId customer, String templateId) {
        jdbc.update("""
                update messaging.wechat_subscription set remaining = remaining + 1
                 where customer_id = """ + HOLDER + " and template_id = ?", customer.value(), customer.value(), templateId);
    }

    /** Who holds a customer's grants: the customer, or the profile they were merged into. */
    private static final String HOLDER =
            "coalesce((select survivor from messaging.merged_customer where absorbed = ?), ?)";

    /**
     * Moves the absorbed profile's grants to the survivor, in the merge's transaction, adding them up per template (the
     * latest decision stands). One statement takes the rows away and adds them: a dispatcher taking a grant of the
     * absorbed profile at that moment either took it before (and the rest moves) or finds it with the survivor.
     */
    public void move(CustomerId absorbed, CustomerId survivor) {
        jdbc.update("""
                with gone as (
                    delete from messaging.wechat_subscription where customer_id = ?
                    returning template_id, remaining, accepted, pushed, last_decision, decided_at)
                insert into messaging.wechat_subscription as s
                       (customer_id, template_id, remaining, accepted, pushed, last_decision, decided_at)
                select ?, template_id, remaining, accepted, pushed, last_decision, decided_at from gone
                on conflict (customer_id, template_id) do update
                   set remaining = s.remaining + excluded.remaining, accepted = s.accepted + excluded.accepted,
                       pushed = s.pushed + excluded.pushed,
                       last_decision = case when excluded.decided_at > s.decided_at
                                            then excluded.last_decision else s.last_decision end,
                       decided_at = greatest(s.decided_at, excluded.decided_at)""", absorbed.value(), survivor.value());
    }
}
