package io.siyu.journeys.internal.measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A journey's figures: customers by state, per node how many passed and how many wait there now, and per group
 * (treated, control) how many entered, converted and what they spent, with the uplift of the treated group over the
 * control group and the sample-ratio check of the split between them.
 */
@Component
public class JourneyReport {

    private static final double CONFIDENCE = 0.95;

    private final JdbcTemplate jdbc;

    JourneyReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A group's figures: customers who entered, converted, and revenue per customer (non-buyers count as 0). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyArm")
    public record Arm(String arm, long customers, long converted, double revenue, double revenuePerCustomer) {}

    /** One node's counts in one version. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyNodeCount")
    public record NodeCount(int version, String node, long passed, long waiting) {}

    /**
     * The uplift of the treated group over the control group, when each has customers; revenue needs two customers
     * per group and some spread in what they spent.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyEffect")
    public record Effect(
            Uplift.Conversion conversion, Uplift.@Nullable Revenue revenue, SampleRatio.Check sampleRatio) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyReport")
    public record Report(
            long journeyId,
            Map<String, Long> states,
            List<NodeCount> nodes,
            List<Arm> arms,
            @Nullable Effect effect) {}

    public Report of(long journeyId, int controlPercent) {
        var states = new LinkedHashMap<String, Long>();
        jdbc.query(
                "select state, count(*) from journeys.run where journey_id = ? group by state order by state",
                rs -> {
                    states.put(rs.getString(1), rs.getLong(2));
                },
                journeyId);
        var nodes = jdbc.query(
                """
                select c.version, c.node, c.passed, coalesce(w.waiting, 0) as waiting
                  from journeys.node_count c
                  left join (select version, node, count(*) as waiting from journeys.run
                              where journey_id = ? and state = 'waiting' and node is not null group by version, node) w
                    on w.version = c.version and w.node = c.node
                 where c.journey_id = ? order by c.version, c.node""",
                (rs, row) -> new NodeCount(
                        rs.getInt("version"), rs.getString("node"), rs.getLong("passed"), rs.getLong("waiting")),
                journeyId,
                journeyId);
        var moments = new LinkedHashMap<String, Moments>();
        var arms = new ArrayList<Arm>();
        jdbc.query(
                """
                select arm, count(*) as customers, count(converted_at) as converted,
                       coalesce(sum(revenue), 0) as revenue, avg(coalesce(revenue, 0)) as mean,
                       coalesce(var_samp(coalesce(revenue, 0)), 0) as variance
                  from journeys.run where journey_id = ? group by arm order by arm desc""",
                rs -> {
                    var arm = rs.getString("arm");
                    var customers = rs.getLong("customers");
                    moments.put(arm, Moments.summary(customers, rs.getDouble("mean"), rs.getDouble("variance")));
                    arms.add(new Arm(
                            arm, customers, rs.getLong("converted"), rs.getDouble("revenue"), rs.getDouble("mean")));
                },
                journeyId);
        return new Report(journeyId, states, nodes, arms, effect(arms, moments, controlPercent));
    }

    private static @Nullable Effect effect(List<Arm> arms, Map<String, Moments> moments, int controlPercent) {
        var treated = arms.stream().filter(a -> a.arm().equals("treated")).findFirst();
        var control = arms.stream().filter(a -> a.arm().equals("control")).findFirst();
        if (treated.isEmpty() || control.isEmpty() || controlPercent <= 0) {
            return null;
        }
        var conversion = Uplift.conversion(
                control.get().converted(),
                control.get().customers(),
                treated.get().converted(),
                treated.get().customers(),
                CONFIDENCE);
        var controlMoments = moments.get("control");
        var treatedMoments = moments.get("treated");
        var revenue = controlMoments.count() >= 2
                        && treatedMoments.count() >= 2
                        && controlMoments.variance() + treatedMoments.variance() > 0
                ? Uplift.revenue(controlMoments, treatedMoments, CONFIDENCE)
                : null;
        var ratio = SampleRatio.check(
                new long[] {treated.get().customers(), control.get().customers()},
                new double[] {100 - controlPercent, controlPercent},
                SampleRatio.DEFAULT_ALARM);
        return new Effect(conversion, revenue, ratio);
    }
}
