package io.siyu.messaging.internal.delivery;

import java.net.http.HttpClient;
import java.time.Duration;

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
}
