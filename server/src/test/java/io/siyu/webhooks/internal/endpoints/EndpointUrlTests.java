package io.siyu.webhooks.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointUrlTests {

    static final AddressPolicy BY_DEFAULT = new AddressPolicy(List.of());

    @Test
    void httpAndHttpsUrlsOfPublicHostsAreAccepted() {
        assertThat(EndpointUrl.check("url", "https://93.184.216.34/hooks/siyu?x=1", BY_DEFAULT)
                        .getPath())
                .isEqualTo("/hooks/siyu");
        assertThat(EndpointUrl.check("url", "http://8.8.8.8:8080/", BY_DEFAULT).getPort())
                .isEqualTo(8080);
    }

    @Test
    void otherSchemesAreRefused() {
        for (var url : List.of("ftp://8.8.8.8/x", "file:///etc/passwd", "gopher://8.8.8.8/", "javascript:alert(1)")) {
            assertThatThrownBy(() -> EndpointUrl.check("url", url, BY_DEFAULT))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("http or https");
        }
    }

    @Test
    void internalHostsAreRefusedUnlessTheirNetworkIsAllowed() {
        for (var url :
                List.of("http://127.0.0.1:8080/", "http://localhost/", "http://[::1]/", "http://169.254.169.254/")) {
            assertThatThrownBy(() -> EndpointUrl.check("url", url, BY_DEFAULT))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("siyu.webhooks.allowed-networks");
        }
        assertThat(EndpointUrl.check("url", "http://127.0.0.1:8080/", new AddressPolicy(List.of("127.0.0.0/8"))))
                .hasToString("http://127.0.0.1:8080/");
    }

    @Test
    void credentialsFragmentsAndBrokenUrlsAreRefused() {
        for (var url : List.of("https://user:pw@8.8.8.8/", "https://8.8.8.8/#top", "https://", "not a url", " ")) {
            assertThatThrownBy(() -> EndpointUrl.check("url", url, BY_DEFAULT))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
