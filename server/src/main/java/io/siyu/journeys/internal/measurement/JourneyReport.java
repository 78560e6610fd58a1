package io.siyu.journeys.internal.measurement;

import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.messaging.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A journey's figures: customers by state, per node how many entered, wait there now and ended there (and, for a node
 * that sends messages, what became of them, from messaging's ledger), and per group (treated, control) how many
 * entered, converted and what they spent, with the uplift of the treated group over the control group and the
 * sample-ratio check of the split between them; and, for a journey with an experiment split, the same per variant,
 * each against the first.
 */
@Component
public class JourneyReport {

    private static final double CONFIDENCE = 0.95;

    private final JdbcTemplate jdbc;
    private final Messages messages;

    JourneyReport(JdbcTemplate jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A group's figures: customers who entered, converted, and revenue per customer (non-buyers count as 0). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyArm")
    public record Arm(String arm, long customers, long converted, double revenue, double revenuePerCustomer) {}

    /**
     * One node's counts in one version: customers who entered it ({@code passed}), wait there now, and ended their
     * journey there (an exit node, the end of a path, an exit condition or the goal reached while waiting there); for a
     * node that sends messages, what became of them.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyNodeCount")
    public record NodeCount(
            int version,
            String node,
            long passed,
            long waiting,
            long exited,
            @Nullable NodeMessages messages) {}

    /**
     * What became of the messages a node sent: accepted by the provider, delivered, opened, clicked, converted (an
     * order was attributed to them: the last message the customer clicked or opened within messaging's attribution
     * window) and the revenue of those orders.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyNodeMessages")
    public record NodeMessages(long sent, long delivered, long opened, long clicked, long converted, double revenue) {}

    /**
     * The uplift of the treated group over the control group, when each has customers; revenue needs two customers
     * per group and some spread in what they spent.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyEffect")
    public record Effect(
            Uplift.Conversion conversion, Uplift.@Nullable Revenue revenue, SampleRatio.Check sampleRatio) {}

    /**
     * One variant of the journey's experiment split: its planned share, the treated customers sent down it, how many
     * converted on the goal and what they spent, and how it compares with the first variant (none for the first, and
     * none while either has no customers).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyVariant")
    public record Variant(
            String name,
            int percent,
            long customers,
            long converted,
            double revenue,
            double revenuePerCustomer,
            @Nullable Comparison againstFirst) {}

    /** A variant against the first one (variant − first): conversion, and revenue per customer when it can be told. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyVariantComparison")
    public record Comparison(Uplift.Conversion conversion, Uplift.@Nullable Revenue revenue) {}

    /**
     * The experiment split of the journey's current version: its variants, and the sample-ratio check of how customers
     * were shared among them (none while nobody passed it).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyExperiment")
    public record Experiment(String node, List<Variant> variants, SampleRatio.@Nullable Check sampleRatio) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyReport")
    public record Report(
            long journeyId,
            Map<String, Long> states,
            List<NodeCount> nodes,
            List<Arm> arms,
            @Nullable Effect effect,
            @Nullable Experiment experiment) {}

    /** The report of a journey whose current version has this graph (null while it was never published). */
    public Report of(long journeyId, @Nullable JourneyGraph graph) {
        var sent = messages(journeyId);
        var states = new LinkedHashMap<String, Long>();
        jdbc.query(
                "select state, count(*) from journeys.run where journey_id = ? group by state order by state",
                rs -> {
                    states.put(rs.getString(1), rs.getLong(2));
                },
                journeyId);
        var nodes = jdbc.query(
                """
                select c.version, c.node, c.passed, coalesce(w.waiting, 0) as waiting, coalesce(e.exited, 0) as exited
                  from journeys.node_count c
                  left join (select version, node, count(*) as waiting from journeys.run
                              where journey_id = ? and state = 'waiting' and node is not null group by version, node) w
                    on w.version = c.version and w.node = c.node
                  left join (select version, exit_node, count(*) as exited from journeys.run
                              where journey_id = ? and exit_node is not null
                                and state in ('completed', 'exited', 'converted')
                              group by version, exit_node) e
                    on e.version = c.version and e.exit_node = c.node
                 where c.journey_id = ? order by c.version, c.node""",
                (rs, row) -> {
                    var version = rs.getInt("version");
                    var node = rs.getString("node");
                    return new NodeCount(
                            version,
                            node,
                            rs.getLong("passed"),
                            rs.getLong("waiting"),
                            rs.getLong("exited"),
                            sent.get(version + ":" + node));
                },
                journeyId,
                journeyId,
                journeyId);
        var groups = groups("arm", "true", journeyId);
        var arms = groups.values().stream().map(Group::arm).toList();
        var controlPercent = graph == null ? 0 : graph.controlPercent();
        var experiment = graph == null
                ? null
                : graph.experiment().map(split -> experiment(journeyId, split)).orElse(null);
        return new Report(journeyId, states, nodes, arms, effect(groups, controlPercent), experiment);
    }

    /**
     * The figures of the messages the journey's nodes sent, by {@code <version>:<node>}: their reasons are the
     * journey's action keys, {@code journey:<id>:v<version>:<node>:...}.
     */
    private Map<String, NodeMessages> messages(long journeyId) {
        var byNode = new java.util.HashMap<String, NodeMessages>();
        for (var figures : messages.figures("journey:" + journeyId, 4)) {
            var parts = figures.group().split(":");
            if (parts.length < 4 || !parts[2].startsWith("v")) {
                continue;
            }
            byNode.put(
                    parts[2].substring(1) + ":" + parts[3],
                    new NodeMessages(
                            figures.sent(),
                            figures.delivered(),
                            figures.opened(),
                            figures.clicked(),
                            figures.converted(),
                            figures.revenue().doubleValue()));
        }
        return byNode;
    }

    /** A group's figures and the moments of what its customers spent. */
    private record Group(Arm arm, Moments moments) {}

    /** Runs of the journey grouped by a column ({@code arm}, {@code variant}), among those passing {@code filter}. */
    private Map<String, Group> groups(String column, String filter, long journeyId) {
        var groups = new LinkedHashMap<String, Group>();
        jdbc.query(
                """
                select %1$s as name, count(*) as customers, count(converted_at) as converted,
                       coalesce(sum(revenue), 0) as revenue, avg(coalesce(revenue, 0)) as mean,
                       coalesce(var_samp(coalesce(revenue, 0)), 0) as variance
                  from journeys.run where journey_id = ? and %2$s group by %1$s order by %1$s desc""".formatted(column, filter),
                rs -> {
                    var name = rs.getString("name");
                    var customers = rs.getLong("customers");
                    groups.put(
                            name,
                            new Group(
                                    new Arm(
                                            name,
                                            customers,
                                            rs.getLong("converted"),
                                            rs.getDouble("revenue"),
                                            rs.getDouble("mean")),
                                    Moments.summary(customers, rs.getDouble("mean"), rs.getDouble("variance"))));
                },
                journeyId);
        return groups;
    }

    private static @Nullable Effect effect(Map<String, Group> groups, int controlPercent) {
        var treated = groups.get("treated");
        var control = groups.get("control");
        if (treated == null || control == null || controlPercent <= 0) {
            return null;
        }
        var comparison = compare(control, treated);
        var ratio = SampleRatio.check(
                new long[] {treated.arm().customers(), control.arm().customers()},
                new double[] {100 - controlPercent, controlPercent},
                SampleRatio.DEFAULT_ALARM);
        return new Effect(comparison.conversion(), comparison.revenue(), ratio);
    }

    /**
     * The variants of the experiment split, each of the treated customers it sent down them compared with the first
     * variant. Variants are those of the current version, in its order; the sample-ratio check weighs them by its
     * percentages.
     */
    private Experiment experiment(long journeyId, JourneyGraph.Node.SplitExperiment split) {
        var groups = groups("variant", "arm = 'treated' and variant is not null", journeyId);
        var first = groups.get(split.variants().getFirst().name());
        var variants = new ArrayList<Variant>();
        var observed = new long[split.variants().size()];
        var weights = new double[split.variants().size()];
        for (int i = 0; i < observed.length; i++) {
            var planned = split.variants().get(i);
            var group = groups.get(planned.name());
            observed[i] = group == null ? 0 : group.arm().customers();
            weights[i] = planned.percent();
            var arm = group == null ? new Arm(planned.name(), 0, 0, 0, 0) : group.arm();
            variants.add(new Variant(
                    planned.name(),
                    planned.percent(),
                    arm.customers(),
                    arm.converted(),
                    arm.revenue(),
                    arm.revenuePerCustomer(),
                    i == 0 || first == null || group == null ? null : compare(first, group)));
        }
        var ratio = java.util.Arrays.stream(observed).sum() == 0
                ? null
                : SampleRatio.check(observed, weights, SampleRatio.DEFAULT_ALARM);
        return new Experiment(split.id(), variants, ratio);
    }

    /**
     * One group against another (treated − control): conversion, and revenue when each has two customers and some
     * spread in what they spent.
     */
    private static Comparison compare(Group control, Group treated) {
        var conversion = Uplift.conversion(
                control.arm().converted(),
                control.arm().customers(),
                treated.arm().converted(),
                treated.arm().customers(),
                CONFIDENCE);
        var revenue = control.moments().count() >= 2
                        && treated.moments().count() >= 2
                        && control.moments().variance() + treated.moments().variance() > 0
                ? Uplift.revenue(control.moments(), treated.moments(), CONFIDENCE)
                : null;
        return new Comparison(conversion, revenue);
    }
}
