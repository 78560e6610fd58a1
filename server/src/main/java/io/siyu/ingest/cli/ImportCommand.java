package io.siyu.ingest.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code siyu import customers|orders FILE [options]}: sends a CSV file to a running Siyu's import API and prints what
 * became of every line. Runs without starting the server.
 */
public final class ImportCommand {

    private static final String USAGE = """
            usage: siyu import customers|orders FILE [options]

              --map FIELD=COLUMN,...   name the file's columns for Siyu's fields (e.g. user_id=masterid,total=sales)
              --columns A,B,C          column names, for a file without a header line (implies --no-header)
              --no-header              the first line is data
              --delimiter C            column separator: one character, or 'whitespace' (default ,)
              --date-format PATTERN    how dates are written, e.g. yyyyMMdd (default ISO-8601)
              --time-zone ZONE         zone of dates without one (default the brand's)
              --currency CODE          currency of amounts without one (default the brand's)
              --url URL                Siyu's address (default $SIYU_URL or http://localhost:8080)
              --token TOKEN            an API token allowed to import (default $SIYU_API_TOKEN)

            customer fields: user_id, anonymous_id, email, phone, name, first_name, last_name, gender, birthday,
              city, channel, created_at, wechat_openid, ...; any other column becomes a trait
            order fields: order_id, user_id | email | phone | anonymous_id, placed_at, total, currency, status
              (completed | cancelled | refunded), product_id, product_name, category, price, quantity, coupon,
              discount, shipping, tax; consecutive lines with the same order_id are lines of one order
            """;

    private ImportCommand() {}

    public static int run(List<String> args) throws IOException, InterruptedException {
        if (args.size() < 2 || args.contains("--help") || args.contains("-h")) {
            System.out.println(USAGE);
            return args.contains("--help") || args.contains("-h") ? 0 : 2;
        }
        var kind = args.get(0);
        var file = Path.of(args.get(1));
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 2;
        }
        var query = new LinkedHashMap<String, String>();
        var url = System.getenv().getOrDefault("SIYU_URL", "http://localhost:8080");
        var token = System.getenv("SIYU_API_TOKEN");
        for (int i = 2; i < args.size(); i++) {
            var option = args.get(i);
            switch (option) {
                case "--no-header" -> query.put("header", "false");
                case "--map",
                        "--columns",
                        "--delimiter",
                        "--date-format",
                        "--time-zone",
                        "--currency",
                        "--url",
                        "--token" -> {
                    if (i + 1 >= args.size()) {
                        System.err.println(option + " needs a value\n\n" + USAGE);
                        return 2;
                    }
                    var value = args.get(++i);
                    switch (option) {
                        case "--url" -> url = value;
                        case "--token" -> token = value;
                        case "--columns" -> {
                            query.put("columns", value);
                            query.put("header", "false");
                        }
                        default -> query.put(camel(option.substring(2)), value);
                    }
                }
                default -> {
                    System.err.println("unknown option " + option + "\n\n" + USAGE);
                    return 2;
                }
            }
        }
        if (token == null || token.isBlank()) {
            System.err.println(
                    "no API token: set SIYU_API_TOKEN or pass --token (create one under Settings › API tokens)");
            return 2;
        }
        var uri = URI.create(url.replaceAll("/+$", "") + "/api/v1/imports/" + kind + encode(query));
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=utf-8")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response;
        try (var client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            System.err.println("cannot reach Siyu at " + url + "; is it running (./siyu run)?");
            return 1;
        }
        var json = JsonMapper.builder().build();
        var body = json.readTree(response.body());
        if (response.statusCode() != 200) {
            System.err.println("import refused (" + response.statusCode() + "): "
                    + body.path("detail").asString(""));
            for (var error : body.path("errors")) {
                System.err.println("  " + error.path("field").asString() + ": "
                        + error.path("detail").asString());
            }
            return 1;
        }
        print(file, body);
        return body.path("rejected").asLong() == 0 ? 0 : 3;
    }

    private static void print(Path file, JsonNode report) {
        System.out.printf(
                "%s: %d lines — %d accepted, %d already imported, %d rejected%n",
                file.getFileName(),
                report.path("lines").asLong(),
                report.path("accepted").asLong(),
                report.path("duplicates").asLong(),
                report.path("rejected").asLong());
        for (var error : report.path("errors")) {
            System.out.printf(
                    "  line %d: %s%n",
                    error.path("line").asLong(), error.path("reason").asString());
        }
        if (report.path("errorsTruncated").asBoolean()) {
            System.out.println("  … more rejected lines not listed");
        }
    }

    private static String camel(String option) {
        var parts = option.split("-");
        var result = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            result.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return result.toString();
    }

    private static String encode(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>();
        query.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "?" + String.join("&", parts);
    }
}
