package io.siyu.ingest.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.ingest.internal.imports.CsvImport;
import io.siyu.shared.BodyLimit;
import io.siyu.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV import of existing data: {@code POST /api/v1/imports/customers} or {@code /orders} with the file as the body.
 * The answer accounts for every line.
 */
@RestController
class ImportController {

    private final CsvImport importer;
    private final AuditLog audit;
    private final ZoneId brandZone;
    private final String brandCurrency;

    ImportController(CsvImport importer, AuditLog audit, org.springframework.core.env.Environment environment) {
        this.importer = importer;
        this.audit = audit;
        this.brandZone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
        this.brandCurrency = environment.getProperty("siyu.currency", "CNY");
    }

    /**
     * @param map Siyu field to file column, e.g. {@code user_id=masterid,placed_at=date,total=sales}
     * @param columns column names for a file without a header line
     * @param delimiter one character, or {@code whitespace}
     * @param dateFormat a date pattern such as {@code yyyyMMdd}; ISO-8601 when absent
     */
    @PostMapping("/api/v1/imports/{kind}")
    @PreAuthorize("hasAuthority('imports:run')")
    @BodyLimit("${siyu.api.max-import-size:1GB}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "the CSV file, UTF-8",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    CsvImport.Report run(
            @PathVariable String kind,
            @RequestParam(required = false) String map,
            @RequestParam(required = false) String columns,
            @RequestParam(defaultValue = ",") String delimiter,
            @RequestParam(defaultValue = "true") boolean header,
            @RequestParam(required = false) String dateFormat,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String currency,
            HttpServletRequest request)
            throws IOException {
        var parsedKind = switch (kind.toLowerCase(Locale.ROOT)) {
            case "customers" -> CsvImport.Kind.CUSTOMERS;
            case "orders" -> CsvImport.Kind.ORDERS;
            default -> throw new InvalidInputException("kind", "one-of", "must be customers or orders");
        };
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? brandZone : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "zone-id", "is not a time zone such as Asia/Shanghai");
        }
        var options = new CsvImport.Options(
                parsedKind,
                "\\t".equals(delimiter) ? "\t" : delimiter,
                header,
                columns == null || columns.isBlank()
                        ? null
                        : Arrays.stream(columns.split(",")).map(String::strip).toList(),
                mapping(map),
                dateFormat == null || dateFormat.isBlank() ? null : dateFormat,
                zone,
                currency == null || currency.isBlank()
                        ? brandCurrency
                        : currency.strip().toUpperCase(Locale.ROOT));
        var reader = new PushbackReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), 1);
        var first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        var report = importer.run(reader, options);
        audit.record(
                "import.completed",
                "import:" + report.kind(),
                Map.of(
                        "lines", report.lines(),
                        "accepted", report.accepted(),
                        "duplicates", report.duplicates(),
                        "rejected", report.rejected()));
        return report;
    }

    private static Map<String, String> mapping(String map) {
        var mapping = new LinkedHashMap<String, String>();
        if (map == null || map.isBlank()) {
            return mapping;
        }
        for (var pair : List.of(map.split(","))) {
            var equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new InvalidInputException("map", "format", "must be field=column pairs separated by commas");
            }
            mapping.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
        return mapping;
    }
}
