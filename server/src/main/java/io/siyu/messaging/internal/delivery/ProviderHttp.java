package io.siyu.messaging.internal.delivery;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP client every provider's API is called with: a connect timeout from the channel's settings, and redirects
 * never followed (a provider's API answers where it was asked; a redirect would carry credentials elsewhere).
 */
public final class ProviderHttp {

    private ProviderHttp() {}

    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The clients of a provider whose timeout operators may change while it runs: one per timeout in force, so that a
     * changed timeout holds from the next call. The few kept are forgotten once more timeouts than that were used.
     */
    public static final class Clients {

        private static final int KEPT = 4;

        private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

        public HttpClient of(Duration connectTimeout) {
            var client = clients.get(connectTimeout);
            if (client != null) {
                return client;
            }
            if (clients.size() >= KEPT) {
                clients.clear();
            }
            return clients.computeIfAbsent(connectTimeout, ProviderHttp::client);
        }
    }
}
