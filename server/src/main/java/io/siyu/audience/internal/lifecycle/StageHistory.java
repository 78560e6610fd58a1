package io.siyu.audience.internal.lifecycle;

import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Lifecycle models over time: how many customers each stage held day by day, and the moves between stages. */
@Service
public class StageHistory {

    private final CurrentIndex current;
    private final DefinitionStore store;
    private final JdbcTemplate jdbc;

    StageHistory(CurrentIndex current, DefinitionStore store, JdbcTemplate jdbc) {
        this.current = current;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** An unknown model is a 404 rather than an empty chart; RFM counts as a model (its groups are its stages). */
    private void requireModel(String name) {
        if (!name.equals(RfmModel.MODEL) && store.model(name).isEmpty()) {
            throw new NotFoundException("lifecycle model", name);
        }
    }

    public record DistributionPoint(LocalDate day, String stage, long customers) {}

    public List<DistributionPoint> distribution(String model, int days) {
        requireModel(model);
        var from = current.today().minusDays(days - 1L);
        return jdbc.query(
                "select day, stage, size from audience.stage_size where model = ? and day >= ? order by day, stage",
                (rs, n) -> new DistributionPoint(
                        rs.getObject("day", LocalDate.class), rs.getString("stage"), rs.getLong("size")),
                model,
                from);
    }

    public record Flow(@Nullable String from, String to, long customers) {}

    /** Moves between stages in a period, for a Sankey chart ({@code from} is null for customers new to the model). */
    public List<Flow> flows(String model, Instant from, Instant to) {
        requireModel(model);
        return jdbc.query(
                """
                select from_stage, to_stage, count(*) from audience.stage_transition
                 where model = ? and at >= ? and at < ? group by 1, 2 order by 3 desc""",
                (rs, n) -> new Flow(rs.getString(1), rs.getString(2), rs.getLong(3)),
                model,
                Timestamps.of(from),
                Timestamps.of(to));
    }
}
