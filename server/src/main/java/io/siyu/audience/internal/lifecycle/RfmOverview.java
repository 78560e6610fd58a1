package io.siyu.audience.internal.lifecycle;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmCalculator;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * RFM as operators see it: the grid of recency and frequency scores with each cell's group, size and average spend,
 * and the settings (window and reference date) it is computed with.
 */
@Service
public class RfmOverview {

    private final CurrentIndex current;
    private final RfmCalculator calculator;
    private final DerivedSets derivedSets;
    private final AuditLog audit;

    RfmOverview(CurrentIndex current, RfmCalculator calculator, DerivedSets derivedSets, AuditLog audit) {
        this.current = current;
        this.calculator = calculator;
        this.derivedSets = derivedSets;
        this.audit = audit;
    }

    public record RfmCell(int recency, int frequency, String group, long customers, BigDecimal averageMonetary) {}

    public record RfmView(
            int windowDays,
            LocalDate referenceDate,
            boolean referenceIsToday,
            long scored,
            List<RfmCell> cells,
            Map<String, Long> groups) {}

    public RfmView rfm() {
        current.requireReady();
        var result = calculator.last();
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

    public RfmView saveRfmSettings(Integer windowDays, LocalDate referenceDate) {
        current.requireReady();
        if (windowDays == null || windowDays < 7 || windowDays > 3650) {
            throw new InvalidInputException("windowDays", "range", "must be from 7 to 3650 days");
        }
        if (referenceDate != null && (referenceDate.getYear() < 1 || referenceDate.getYear() > 9999)) {
            throw new InvalidInputException("referenceDate", "range", "must lie in the years 1 to 9999");
        }
        calculator.saveSettings(windowDays, referenceDate, Viewer.name());
        derivedSets.rescoreRfm();
        derivedSets.refresh(null);
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
}
