package io.siyu.audience.internal;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lifecycle models (value layers, journey stages), RFM, and where one customer stands in all of them. */
@Service
class LifecycleService {

    private final AudienceEngine engine;
    private final AudienceService audiences;
    private final DefinitionStore store;
    private final Profiles profiles;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LifecycleService(
            AudienceEngine engine,
            AudienceService audiences,
            DefinitionStore store,
            Profiles profiles,
            AuditLog audit,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock) {
        this.engine = engine;
        this.audiences = audiences;
        this.store = store;
        this.profiles = profiles;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record StageView(String value, String label, @Nullable JsonNode condition, long customers) {}

    record ModelView(String name, String label, boolean builtIn, List<StageView> stages) {}

    List<ModelView> models() {
        audiences.requireReady();
        return store.models().stream().map(this::view).toList();
    }

    ModelView model(String name) {
        audiences.requireReady();
        return stored(name).map(this::view).orElseThrow(() -> new NotFoundException("lifecycle model", name));
    }

    private java.util.Optional<DefinitionStore.StoredModel> stored(String name) {
        return store.models().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** An unknown model is a 404 rather than an empty chart; RFM counts as a model (its groups are its stages). */
    private void requireModel(String name) {
        if (!name.equals(RfmModel.MODEL) && stored(name).isEmpty()) {
            throw new NotFoundException("lifecycle model", name);
        }
    }

    private ModelView view(DefinitionStore.StoredModel model) {
        var stages = new ArrayList<StageView>();
        var counts = engine.index().read(() -> {
            var sizes = new LinkedHashMap<String, Long>();
            engine.index()
                    .stages
                    .getOrDefault(model.name(), Map.of())
                    .forEach((stage, members) -> sizes.put(stage, (long) members.getCardinality()));
            return sizes;
        });
        for (var stage : model.stages()) {
            var value = stage.path("value").asString();
            stages.add(new StageView(
                    value,
                    stage.path("label").asString(value),
                    stage.hasNonNull("condition") ? stage.get("condition") : null,
                    counts.getOrDefault(value, 0L)));
        }
        return new ModelView(model.name(), model.label(), model.builtIn(), stages);
    }

    ModelView save(String name, String label, JsonNode stages) {
        audiences.requireReady();
        if (name == null || !name.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new InvalidInputException("name", "pattern", "2 to 40 lower-case letters, digits or _");
        }
        if (name.equals(RfmModel.MODEL)) {
            throw new InvalidInputException("name", "reserved", "'rfm' is the RFM model's name");
        }
        InputRules.requireMaxLength("label", label, InputRules.MAX_NAME_LENGTH);
        validate(stages);
        // a built-in model stays built in when an operator edits it
        var builtIn = stored(name).map(DefinitionStore.StoredModel::builtIn).orElse(false);
        store.saveModel(
                name,
                label == null || label.isBlank() ? name : label.strip(),
                stages,
                builtIn,
                Viewer.name(),
                clock.instant());
        engine.index().write(engine::reloadRegistry);
        engine.refresh(null);
        audit.record("lifecycle-model.saved", "lifecycle-model:" + name, Map.of("stages", stages.size()));
        return model(name);
    }

    private void validate(JsonNode stages) {
        if (stages == null || !stages.isArray() || stages.size() < 2 || stages.size() > 12) {
            throw new InvalidInputException("stages", "size", "a model has 2 to 12 stages");
        }
        var values = new HashSet<String>();
        for (int i = 0; i < stages.size(); i++) {
            var stage = stages.get(i);
            var field = "stages[" + i + "]";
            var value = stage.path("value");
            if (!value.isString() || !value.asString().matches("[a-z][a-z0-9_]{0,39}")) {
                throw new InvalidInputException(field + ".value", "pattern", "lower-case letters, digits or _");
            }
            if (!values.add(value.asString())) {
                throw new InvalidInputException(field + ".value", "unique", "stage values must differ");
            }
            var label = stage.get("label");
            if (label != null && !label.isNull()) {
                if (!label.isString()) {
                    throw new InvalidInputException(field + ".label", "type", "must be a text");
                }
                InputRules.requireMaxLength(field + ".label", label.asString(), InputRules.MAX_NAME_LENGTH);
            }
            var last = i == stages.size() - 1;
            if (last && stage.hasNonNull("condition")) {
                throw new InvalidInputException(
                        field + ".condition",
                        "not-allowed",
                        "the last stage has no condition: it holds everyone the stages before it do not");
            }
            if (!last) {
                if (!stage.hasNonNull("condition")) {
                    throw new InvalidInputException(field + ".condition", "required", "is required");
                }
                var definition = json.createObjectNode();
                definition.put("version", ConditionParser.VERSION);
                definition.set("condition", stage.get("condition"));
                try {
                    var parsed = audiences.parse(definition);
                    if (!parsed.segments().isEmpty()) {
                        throw new InvalidInputException(
                                field + ".condition",
                                "not-allowed",
                                "stage conditions cannot refer to segments (segments may refer to stages)");
                    }
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.violations().stream()
                            .map(v -> new Violation(v.field().replaceFirst("^definition", field), v.rule(), v.detail()))
                            .toList());
                }
            }
        }
    }

    record DistributionPoint(LocalDate day, String stage, long customers) {}

    List<DistributionPoint> distribution(String model, int days) {
        requireModel(model);
        var from = LocalDate.now(clock.withZone(engine.index().zone())).minusDays(days - 1L);
        return jdbc.query(
                "select day, stage, size from audience.stage_size where model = ? and day >= ? order by day, stage",
                (rs, n) -> new DistributionPoint(
                        rs.getObject("day", LocalDate.class), rs.getString("stage"), rs.getLong("size")),
                model,
                from);
    }

    record Flow(@Nullable String from, String to, long customers) {}

    /** Moves between stages in a period, for a Sankey chart ({@code from} is null for customers new to the model). */
    List<Flow> flows(String model, Instant from, Instant to) {
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

    record RfmCell(int recency, int frequency, String group, long customers, BigDecimal averageMonetary) {}

    record RfmView(
            int windowDays,
            LocalDate referenceDate,
            boolean referenceIsToday,
            long scored,
            List<RfmCell> cells,
            Map<String, Long> groups) {}

    RfmView rfm() {
        audiences.requireReady();
        var result = engine.lastRfm();
        var cells = new ArrayList<RfmCell>();
        var counts = result.counts();
        var monetary = result.monetary();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                var count = counts[r - 1][f - 1];
                cells.add(new RfmCell(
                        r,
                        f,
                        RfmModel.group(r, f),
                        count,
                        count == 0
                                ? BigDecimal.ZERO
                                : monetary[r - 1][f - 1].divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN)));
            }
        }
        var groups = new LinkedHashMap<String, Long>();
        RfmModel.GROUPS.forEach(group -> groups.put(group, 0L));
        result.scored().forEach(s -> groups.merge(s.group(), 1L, Long::sum));
        return new RfmView(
                result.settings().windowDays(),
                result.reference(),
                result.settings().referenceDate() == null,
                result.scored().size(),
                cells,
                groups);
    }

    RfmView saveRfmSettings(Integer windowDays, LocalDate referenceDate) {
        audiences.requireReady();
        if (windowDays == null || windowDays < 7 || windowDays > 3650) {
            throw new InvalidInputException("windowDays", "range", "must be from 7 to 3650 days");
        }
        if (referenceDate != null && (referenceDate.getYear() < 1 || referenceDate.getYear() > 9999)) {
            throw new InvalidInputException("referenceDate", "range", "must lie in the years 1 to 9999");
        }
        jdbc.update("""
                insert into audience.rfm_settings (id, window_days, reference_date, updated_by, updated_at)
                values (1, ?, ?, ?, ?)
                on conflict (id) do update set window_days = excluded.window_days,
                       reference_date = excluded.reference_date, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at""", windowDays, referenceDate, Viewer.name(), Timestamps.of(clock.instant()));
        engine.recomputeRfm();
        engine.refresh(null);
        audit.record(
                "rfm.settings-changed",
                "rfm",
                Map.of(
                        "windowDays",
                        windowDays,
                        "referenceDate",
                        referenceDate == null ? "today" : referenceDate.toString()));
        return rfm();
    }

    record Rfm(
            int recencyDays,
            int frequency,
            BigDecimal monetary,
            int r,
            int f,
            int m,
            @Nullable String group) {}

    /** A segment the customer is in; built-in ones are the RFM groups Siyu creates. */
    record Membership(long id, String name, boolean builtIn) {}

    record CustomerAudience(
            long customerId,
            List<Membership> segments,
            Map<String, String> stages,
            @Nullable Rfm rfm,
            List<TagService.CustomerTag> tags) {}

    /** Where one customer stands: segments, stages of every model, RFM. */
    CustomerAudience customer(long requested, TagService tags) {
        audiences.requireReady();
        var id = profiles.live(CustomerId.of(requested))
                .orElseThrow(() -> new NotFoundException("customer", requested))
                .value();
        var ordinal = AudienceIndex.ordinal(id);
        var registry = engine.registry();
        var builtIn = new java.util.HashSet<Long>();
        store.segments().stream()
                .filter(DefinitionStore.StoredSegment::builtIn)
                .forEach(segment -> builtIn.add(segment.id()));
        return engine.index().read(() -> {
            var index = engine.index();
            var segments = new ArrayList<Membership>();
            index.segments.forEach((segment, members) -> {
                if (members.contains(ordinal) && registry.segments().containsKey(segment)) {
                    segments.add(new Membership(
                            segment, registry.segments().get(segment).name(), builtIn.contains(segment)));
                }
            });
            var stages = new LinkedHashMap<String, String>();
            index.stages.forEach((model, byStage) -> byStage.forEach((stage, members) -> {
                if (members.contains(ordinal)) {
                    stages.put(model, stage);
                }
            }));
            Rfm rfm = null;
            var recency = index.facts.get(RfmModel.RECENCY);
            if (recency != null && recency.has(ordinal)) {
                rfm = new Rfm(
                        (int) index.facts.get(RfmCalculator.RECENCY_DAYS).get(ordinal),
                        (int) index.facts.get(RfmCalculator.FREQUENCY_DAYS).get(ordinal),
                        BigDecimal.valueOf(
                                index.facts.get(RfmCalculator.MONETARY_CENTS).get(ordinal), 2),
                        (int) recency.get(ordinal),
                        (int) index.facts.get(RfmModel.FREQUENCY).get(ordinal),
                        (int) index.facts.get(RfmModel.MONETARY).get(ordinal),
                        stages.get(RfmModel.MODEL));
            }
            segments.sort(java.util.Comparator.comparing(Membership::name));
            return new CustomerAudience(id, segments, stages, rfm, tags.tagsOf(id));
        });
    }
}
