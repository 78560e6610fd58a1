package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The operator API of a bench server, with the bench's API token. */
final class Api {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Api() {}

    /** Posts JSON and answers the body; anything but the expected status stops the benchmark. */
    static String post(BenchServer server, String path, String body, int expected) throws Exception {
        var response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .header("Authorization", "Bearer " + BenchServer.API_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The {@code id} of a created resource. */
    static long id(String body) {
        return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    /** Creates and publishes a journey with this graph; answers its id. */
    static long publishJourney(BenchServer server, String name, String graph) throws Exception {
        var id = id(post(server, "/api/v1/journeys", "{\"name\":\"" + name + "\",\"draft\":" + graph + "}", 201));
        post(server, "/api/v1/journeys/" + id + "/publish", "", 200);
        return id;
    }
}
