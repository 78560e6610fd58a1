package io.siyu.ingest.internal.imports;

import io.siyu.ingest.internal.inbox.Inbox;
import io.siyu.ingest.internal.messages.MessageReader;
import io.siyu.ingest.internal.messages.SegmentMessages;
import io.siyu.ingest.internal.pipeline.IngestPipeline;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports customers and orders from CSV files, accounting for every line: each one is accepted, found to be a
 * duplicate of an earlier import, or rejected with its line number and reason.
 *
 * <p>Each line becomes the Segment message the shop would have sent (an identify for a customer, an Order Completed
 * for an order) and goes through the same checks and the same inbox as live traffic. Message ids are derived from the
 * line's content, so importing the same file twice stores nothing the second time.
 */
@Component
public class CsvImport {

    static final int CHUNK = 500;
    static final int MAX_LISTED_ERRORS = 10_000;

    public enum Kind {
        CUSTOMERS,
        ORDERS
    }

    private static final Set<String> CUSTOMER_IDENTITY_FIELDS = Set.of(
            "user_id",
            "anonymous_id",
            "email",
            "phone",
            "wechat_openid",
            "wechat_unionid",
            "douyin_openid",
            "xiaohongshu_id",
            "weibo_uid");

    /**
     * How to read a file.
     *
     * @param delimiter one character, or {@code whitespace} for columns separated by runs of blanks
     * @param header whether the first line names the columns
     * @param columns the column names when the file has no header (or to override it)
     * @param mapping Siyu field to file column, for files whose columns are named differently
     * @param dateFormat a {@link DateTimeFormatter} pattern for dates, ISO-8601 when null
     */
    public record Options(
            Kind kind,
            String delimiter,
            boolean header,
            List<String> columns,
            Map<String, String> mapping,
            String dateFormat,
            ZoneId zone,
            String currency) {}

    public record LineError(long line, String reason) {}

    public record Report(
            String kind,
            long lines,
            long accepted,
            long duplicates,
            long rejected,
            List<LineError> errors,
            boolean errorsTruncated) {}

    private final SegmentMessages messages;
    private final Inbox inbox;
    private final IngestPipeline pipeline;
    private final JsonMapper json;
    private final Clock clock;

    CsvImport(SegmentMessages messages, Inbox inbox, IngestPipeline pipeline, JsonMapper json, Clock clock) {
        this.messages = messages;
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
    }

    public Report run(Reader input, Options options) throws IOException {
        var formatter = options.dateFormat() == null ? null : pattern(options.dateFormat());
        var run = new Run(options, formatter);
        try (var rows = new Rows(input, options)) {
            Row row;
            while ((row = rows.next()) != null) {
                run.take(row);
            }
        } catch (Unreadable e) {
            // what was read before stays imported and is told; the rest cannot be split into lines
            run.finish();
            var before = run.report();
            throw new InvalidInputException(
                    "body",
                    "csv",
                    "line " + e.line + ": " + e.getMessage() + "; of the " + before.lines() + " lines before it, "
                            + before.accepted() + " were imported, " + before.duplicates() + " had been imported "
                            + "before and " + before.rejected() + " were rejected");
        }
        run.finish();
        return run.report();
    }

    private static DateTimeFormatter pattern(String format) {
        try {
            return DateTimeFormatter.ofPattern(format, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dateFormat", "pattern", "is not a date pattern: " + e.getMessage());
        }
    }

    /**
     * The file cannot be read on from a line: a quoted value never closed, or followed by other characters before the
     * delimiter. Nothing after it can be split into lines.
     */
    private static final class Unreadable extends RuntimeException {
        private final long line;

        Unreadable(long line, org.apache.commons.csv.CSVException cause) {
            super("a quoted value is not closed, or other characters follow its closing quote, so the file cannot be "
                    + "read from here on (" + cause.getMessage() + ")");
            this.line = line;
        }
    }

    /** One line of the file with its values by column name. */
    record Row(long line, Map<String, String> values) {}

    /** Reads lines as rows, with commons-csv for delimited files and a plain splitter for blank-separated ones. */
    private static final class Rows implements AutoCloseable {
        private final BufferedReader reader;
        private final Options options;
        private final java.util.Iterator<org.apache.commons.csv.CSVRecord> records;
        private List<String> names;
        private long line;

        Rows(Reader input, Options options) throws IOException {
            this.reader = new BufferedReader(input);
            this.options = options;
            this.names = options.columns() == null || options.columns().isEmpty() ? null : options.columns();
            if ("whitespace".equals(options.delimiter())) {
                this.records = null;
                if (options.header()) {
                    var first = reader.readLine();
                    line++;
                    if (names == null && first != null) {
                        names = split(first);
                    }
                }
            } else {
                var delimiter = options.delimiter() == null ? "," : options.delimiter();
                if (delimiter.length() != 1) {
                    throw new InvalidInputException(
                            "delimiter", "one-character", "must be one character or 'whitespace'");
                }
                var format = CSVFormat.RFC4180
                        .builder()
                        .setDelimiter(delimiter.charAt(0))
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get();
                this.records = format.parse(reader).iterator();
                if (options.header() && hasNext()) {
                    var first = records.next();
                    line = 1;
                    if (names == null) {
                        names = first.toList().stream().map(String::strip).toList();
                    }
                }
            }
            if (names == null) {
                throw new InvalidInputException(
                        "columns", "required", "name the columns, or send a file whose first line names them");
            }
        }

        Row next() throws IOException {
            List<String> values;
            if (records == null) {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                    if (text == null) {
                        return null;
                    }
                } while (text.isBlank());
                values = split(text);
            } else {
                if (!hasNext()) {
                    return null;
                }
                var record = records.next();
                // the header, when there is one, was read as record 1, so record numbers are line numbers
                line = record.getRecordNumber();
                values = record.toList();
            }
            var row = new LinkedHashMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), i < values.size() ? values.get(i).strip() : null);
            }
            if (values.size() > names.size()) {
                row.put("$extra", Integer.toString(values.size() - names.size()));
            }
            return new Row(line, row);
        }

        private boolean hasNext() {
            try {
                return records.hasNext();
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof org.apache.commons.csv.CSVException malformed) {
                    throw new Unreadable(line + 1, malformed);
                }
                throw e;
            }
        }

        private static List<String> split(String text) {
            return List.of(text.strip().split("\\s+"));
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** One import in progress: the pending chunk and the tallies. */
    private final class Run {
        private final Options options;
        private final DateTimeFormatter formatter;
        private final Instant receivedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        private final Map<String, Integer> occurrences = new HashMap<>();
        private final List<Pending> chunk = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private long lines;
        private long accepted;
        private long duplicates;
        private long rejected;
        private OrderBuilder order;

        Run(Options options, DateTimeFormatter formatter) {
            this.options = options;
            this.formatter = formatter;
        }

        /** Messages of one or more lines, stored together. */
        record Pending(List<Long> lines, List<SegmentMessages.Normalized> messages) {}

        void take(Row row) {
            lines++;
            if (row.values().containsKey("$extra")) {
                reject(row.line(), "has " + row.values().get("$extra") + " more values than there are columns");
                return;
            }
            try {
                if (options.kind() == Kind.CUSTOMERS) {
                    customer(row);
                } else {
                    orderLine(row);
                }
            } catch (LineRejected e) {
                reject(row.line(), e.getMessage());
            }
        }

        void finish() {
            flushOrder();
            store();
        }

        Report report() {
            var truncated = errors.size() > MAX_LISTED_ERRORS;
            return new Report(
                    options.kind().name().toLowerCase(Locale.ROOT),
                    lines,
                    accepted,
                    duplicates,
                    rejected,
                    truncated ? errors.subList(0, MAX_LISTED_ERRORS) : errors,
                    truncated);
        }

        private void customer(Row row) {
            var message = json.createObjectNode();
            message.put("type", "identify");
            var traits = message.putObject("traits");
            var identified = false;
            for (var entry : fields(row).entrySet()) {
                var field = entry.getKey();
                var value = entry.getValue();
                if (value == null || value.isEmpty()) {
                    continue;
                }
                switch (field) {
                    case "user_id" -> message.put("userId", value);
                    case "anonymous_id" -> message.put("anonymousId", value);
                    case "created_at" ->
                        message.put("timestamp", instant(field, value).toString());
                    default -> traits.put(field, value);
                }
                identified |= CUSTOMER_IDENTITY_FIELDS.contains(field);
            }
            if (!identified) {
                throw new LineRejected("needs one of user_id, anonymous_id, email, phone or a platform id");
            }
            if (!message.has("userId") && !message.has("anonymousId")) {
                message.put("anonymousId", "import-" + digest(message.toString()));
            }
            message.put("messageId", messageId(row));
            add(List.of(row.line()), List.of(message));
        }

        private void orderLine(Row row) {
            var fields = fields(row);
            var orderId = blankToNull(fields.get("order_id"));
            var placedText = blankToNull(fields.get("placed_at"));
            if (placedText == null) {
                throw new LineRejected("placed_at: is required");
            }
            var placedAt = instant("placed_at", placedText);
            var line = new OrderLine(
                    row.line(),
                    blankToNull(fields.get("product_id")),
                    blankToNull(fields.get("product_name")),
                    blankToNull(fields.get("category")),
                    decimal("price", fields.get("price")),
                    integer("quantity", fields.get("quantity")));
            var total = decimal("total", fields.get("total"));
            if (orderId != null && order != null && orderId.equals(order.orderId)) {
                order.add(line, total);
                return;
            }
            flushOrder();
            var id = orderId != null ? orderId : "imp-" + messageId(row).substring(4);
            order = new OrderBuilder(id, row, fields, placedAt, total);
            order.add(line, null);
        }

        private void flushOrder() {
            if (order == null) {
                return;
            }
            var built = order;
            order = null;
            try {
                emit(built);
            } catch (LineRejected e) {
                built.lineNumbers().forEach(n -> reject(n, e.getMessage()));
            }
        }

        private void emit(OrderBuilder built) {
            if (built.total == null && built.lines.stream().allMatch(l -> l.price() == null)) {
                built.lineNumbers().forEach(n -> reject(n, "total: is required (or give each line a price)"));
                return;
            }
            var status = blankToNull(built.fields.get("status"));
            var normalisedStatus = status == null ? "completed" : status.toLowerCase(Locale.ROOT);
            if (!Set.of("completed", "cancelled", "canceled", "refunded").contains(normalisedStatus)) {
                built.lineNumbers().forEach(n -> reject(n, "status: must be completed, cancelled or refunded"));
                return;
            }
            var completed = json.createObjectNode();
            completed.put("type", "track");
            completed.put("event", "Order Completed");
            identify(completed, built.fields);
            completed.put("timestamp", built.placedAt.toString());
            var properties = completed.putObject("properties");
            properties.put("order_id", built.orderId);
            if (built.total != null) {
                properties.put("total", built.total);
            }
            properties.put(
                    "currency",
                    blankToNull(built.fields.get("currency")) != null
                            ? built.fields.get("currency")
                            : options.currency());
            for (var amount : List.of("discount", "shipping", "tax")) {
                var value = decimalOrNull(built.fields.get(amount));
                if (value != null) {
                    properties.put(amount, value);
                }
            }
            if (blankToNull(built.fields.get("coupon")) != null) {
                properties.put("coupon", built.fields.get("coupon"));
            }
            var products = properties.putArray("products");
            for (var line : built.lines) {
                var product = products.addObject();
                if (line.productId() != null) {
                    product.put("product_id", line.productId());
                }
                if (line.name() != null) {
                    product.put("name", line.name());
                }
                if (line.category() != null) {
                    product.put("category", line.category());
                }
                if (line.price() != null) {
                    product.put("price", line.price());
                }
                product.put("quantity", line.quantity() == null ? 1 : line.quantity());
            }
            var baseId = "imp-" + digest(built.orderId + "|" + built.placedAt);
            completed.put("messageId", baseId + "-c");
            var messagesOfOrder = new ArrayList<ObjectNode>();
            messagesOfOrder.add(completed);
            if (!normalisedStatus.equals("completed")) {
                var follow = json.createObjectNode();
                follow.put("type", "track");
                follow.put("event", normalisedStatus.equals("refunded") ? "Order Refunded" : "Order Cancelled");
                identify(follow, built.fields);
                follow.put("timestamp", built.placedAt.toString());
                follow.putObject("properties").put("order_id", built.orderId);
                follow.put("messageId", baseId + "-" + normalisedStatus.charAt(0));
                messagesOfOrder.add(follow);
            }
            add(built.lineNumbers(), messagesOfOrder);
        }

        private void identify(ObjectNode message, Map<String, String> fields) {
            var userId = blankToNull(fields.get("user_id"));
            var anonymousId = blankToNull(fields.get("anonymous_id"));
            if (userId != null) {
                message.put("userId", userId);
            }
            if (anonymousId != null) {
                message.put("anonymousId", anonymousId);
            }
            var traits = message.putObject("context").putObject("traits");
            if (blankToNull(fields.get("email")) != null) {
                traits.put("email", fields.get("email"));
            }
            if (blankToNull(fields.get("phone")) != null) {
                traits.put("phone", fields.get("phone"));
            }
            if (userId == null && anonymousId == null) {
                if (traits.isEmpty()) {
                    throw new LineRejected("needs one of user_id, anonymous_id, email or phone");
                }
                message.put("anonymousId", "import-" + digest(traits.toString()));
            }
        }

        private void add(List<Long> lineNumbers, List<ObjectNode> built) {
            var normalized = new ArrayList<SegmentMessages.Normalized>();
            for (var message : built) {
                switch (messages.read(message, null, receivedAt, null, null)) {
                    case SegmentMessages.Outcome.Valid(var valid) -> normalized.add(valid);
                    case SegmentMessages.Outcome.Invalid(var id, var violations) -> {
                        var reason = describe(violations);
                        lineNumbers.forEach(n -> reject(n, reason));
                        return;
                    }
                }
            }
            chunk.add(new Pending(lineNumbers, normalized));
            if (chunk.size() >= CHUNK) {
                store();
            }
        }

        private void store() {
            if (chunk.isEmpty()) {
                return;
            }
            var all = chunk.stream().flatMap(p -> p.messages().stream()).toList();
            var stored = inbox.store(all, null, receivedAt);
            for (var pending : chunk) {
                var fresh =
                        pending.messages().stream().anyMatch(m -> stored.fresh().contains(m.messageId()));
                if (fresh) {
                    accepted += pending.lines().size();
                } else {
                    duplicates += pending.lines().size();
                }
            }
            chunk.clear();
            pipeline.wakeUp();
        }

        private void reject(long line, String reason) {
            rejected++;
            errors.add(new LineError(line, reason));
        }

        private Map<String, String> fields(Row row) {
            var fields = new LinkedHashMap<String, String>();
            var mapped = new java.util.HashSet<String>(options.mapping().values());
            options.mapping().forEach((field, column) -> {
                if (!row.values().containsKey(column)) {
                    throw new InvalidInputException(
                            "map", "column", "maps " + field + " to '" + column + "', which the file does not have");
                }
                fields.put(field, row.values().get(column));
            });
            row.values().forEach((column, value) -> {
                if (!mapped.contains(column)) {
                    fields.putIfAbsent(column.toLowerCase(Locale.ROOT).replace(' ', '_'), value);
                }
            });
            return fields;
        }

        private String messageId(Row row) {
            var content = options.kind() + "|" + row.values();
            var occurrence = occurrences.merge(content, 1, Integer::sum);
            return "imp-" + digest(content + "#" + occurrence);
        }

        private Instant instant(String field, String value) {
            try {
                if (formatter != null) {
                    TemporalAccessor parsed = formatter.parseBest(value, LocalDateTime::from, LocalDate::from);
                    return parsed instanceof LocalDateTime dateTime
                            ? dateTime.atZone(options.zone()).toInstant()
                            : ((LocalDate) parsed).atStartOfDay(options.zone()).toInstant();
                }
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(options.zone()).toInstant();
                }
                return MessageReader.parseInstant(value);
            } catch (DateTimeParseException e) {
                throw new LineRejected(field + ": '" + value + "' is not a date"
                        + (options.dateFormat() == null
                                ? " (ISO-8601 expected; or pass a dateFormat)"
                                : " of pattern " + options.dateFormat()));
            }
        }

        private BigDecimal decimal(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            var parsed = decimalOrNull(value);
            if (parsed == null) {
                throw new LineRejected(field + ": '" + value + "' is not a number");
            }
            if (parsed.signum() < 0) {
                throw new LineRejected(field + ": must not be negative");
            }
            return parsed;
        }

        private Integer integer(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                var parsed = Integer.parseInt(value.strip());
                if (parsed < 0) {
                    throw new LineRejected(field + ": must not be negative");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new LineRejected(field + ": '" + value + "' is not a whole number");
            }
        }
    }

    private record OrderLine(
            long line, String productId, String name, String category, BigDecimal price, Integer quantity) {}

    /** The lines of one order, read from consecutive rows with the same order id. */
    private static final class OrderBuilder {
        final String orderId;
        final Map<String, String> fields;
        final Instant placedAt;
        BigDecimal total;
        final List<OrderLine> lines = new ArrayList<>();

        OrderBuilder(String orderId, Row first, Map<String, String> fields, Instant placedAt, BigDecimal total) {
            this.orderId = orderId;
            this.fields = fields;
            this.placedAt = placedAt;
            this.total = total;
        }

        void add(OrderLine line, BigDecimal lineTotal) {
            lines.add(line);
            if (lineTotal != null) {
                total = lineTotal;
            }
        }

        List<Long> lineNumbers() {
            return lines.stream().map(OrderLine::line).toList();
        }
    }

    private static final class LineRejected extends RuntimeException {
        LineRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String describe(List<Violation> violations) {
        var first = violations.getFirst();
        var text = (first.field().isEmpty() ? "" : first.field() + ": ") + first.detail();
        return violations.size() == 1 ? text : text + " (and " + (violations.size() - 1) + " more)";
    }

    private static BigDecimal decimalOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String digest(String text) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
