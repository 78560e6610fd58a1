package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The links inside a message work for the customer who got it, without credentials, and for nobody else: the open
 * pixel, the click redirect and the one-click unsubscribe of RFC 8058.
 */
@SiyuIntegrationTest
class EngagementTests {

    private static final Pattern LINK =
            Pattern.compile("(/t/[ocu]/[0-9]+\\.[ocu]\\.[A-Za-z0-9_-]{22})(\\?u=[^\"\\s>]+)?");

    @Autowired
    SiyuUnderTest siyu;

    record Sent(long customer, long sendId, String html, String unsubscribe) {}

    private Sent sent() throws Exception {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Ying", "{\"email\":true}");
        var sendId = fixtures.send(customer, fixtures.marketingTemplate(), null)
                .get("sendId")
                .asLong();
        var message = TestMailServer.await(address, 1).getFirst();
        var alternative = (jakarta.mail.internet.MimeMultipart) message.getContent();
        var html = (String) alternative.getBodyPart(1).getContent();
        var header = message.getHeader("List-Unsubscribe", null);
        var unsubscribe = header.substring(header.indexOf("/t/u/"), header.indexOf('>'));
        return new Sent(customer, sendId, html.replace("&amp;", "&"), unsubscribe);
    }

    /**
     * Changes one fully significant character of the signature. The last character of 22 base64url characters carries
     * only two bits, so overwriting the tail could leave the signature as it was.
     */
    private static String forge(String link) {
        var at = link.length() - 3;
        var replacement = link.charAt(at) == 'A' ? 'B' : 'A';
        return link.substring(0, at) + replacement + link.substring(at + 1);
    }

    private static String link(String html, String kind) {
        var matcher = LINK.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("/t/" + kind + "/")) {
                return matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
            }
        }
        throw new AssertionError("no /t/" + kind + "/ link in " + html);
    }

    @Test
    void oneClickUnsubscribeDeniesConsentWithoutCredentialsAndStopsMarketing() throws Exception {
        var sent = sent();
        var fixtures = new MessagingFixtures(siyu);

        var page = siyu.anonymous().get(sent.unsubscribe());
        var oneClick = siyu.anonymous()
                .post(sent.unsubscribe(), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        var again = siyu.anonymous()
                .post(sent.unsubscribe(), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(fixtures.consent(sent.customer(), "email"))
                .as("a GET changes nothing")
                .isIn("granted", "denied");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        fixtures.timelineEvent(sent.customer(), "Unsubscribed");
        assertThat(fixtures.consent(sent.customer(), "email")).isEqualTo("denied");
        var next = fixtures.settled(fixtures.send(sent.customer(), fixtures.marketingTemplate(), null)
                .get("sendId")
                .asLong());
        assertThat(next.get("outcome").asString()).isEqualTo("consent-denied");
    }

    @Test
    void aForgedUnsubscribeChangesNothing() throws Exception {
        var sent = sent();
        var fixtures = new MessagingFixtures(siyu);
        var forged = forge(sent.unsubscribe());
        var otherRow = sent.unsubscribe().replace("/t/u/" + sent.sendId(), "/t/u/" + (sent.sendId() + 1));

        assertThat(siyu.anonymous()
                        .post(forged, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(404);
        assertThat(siyu.anonymous()
                        .post(otherRow, "", "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(404);
        assertThat(fixtures.consent(sent.customer(), "email")).isEqualTo("granted");
    }

    @Test
    void theOpenPixelAndTheClickRedirectAreRecorded() throws Exception {
        var sent = sent();
        var fixtures = new MessagingFixtures(siyu);

        var pixel = siyu.anonymous().get(link(sent.html(), "o"));
        var click = siyu.anonymous().get(link(sent.html(), "c"));

        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(click.status()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://shop.example.com/new?a=1&b=2");
        fixtures.timelineEvent(sent.customer(), "Email Opened");
        assertThat(fixtures.timelineEvent(sent.customer(), "Email Link Clicked")
                        .get("properties")
                        .get("link_url")
                        .asString())
                .isEqualTo("https://shop.example.com/new?a=1&b=2");
        var row = siyu.admin().get("/api/v1/messages/" + sent.sendId()).json();
        assertThat(row.has("openedAt")).isTrue();
        assertThat(row.has("clickedAt")).isTrue();
    }

    @Test
    void badTokensAndAddressesAreRefusedWithoutAServerError() {
        var tokens = java.util.List.of(
                "x", "1.c.short", "99999999999999999999.u.AAAAAAAAAAAAAAAAAAAAAA", "%00", "a".repeat(3_000), "-1.o.x");
        for (var token : tokens) {
            assertThat(siyu.anonymous().get("/t/o/" + token).status())
                    .as("pixel " + token + " (a NUL in the path is refused by the firewall)")
                    .isIn(200, 400);
            assertThat(siyu.anonymous()
                            .get("/t/c/" + token + "?u=https%3A%2F%2Fshop.example.com")
                            .status())
                    .as("click " + token)
                    .isBetween(400, 499);
            assertThat(siyu.anonymous().get("/t/c/" + token).status())
                    .as("click without an address " + token)
                    .isBetween(400, 499);
            assertThat(siyu.anonymous().get("/t/u/" + token).status())
                    .as("page " + token)
                    .isBetween(400, 499);
            assertThat(siyu.anonymous()
                            .post("/t/u/" + token, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                            .status())
                    .as("unsubscribe " + token)
                    .isBetween(400, 499);
        }
    }

    @Test
    void theClickRedirectGoesOnlyWhereTheMessageLinked() throws Exception {
        var sent = sent();
        var click = link(sent.html(), "c");
        var elsewhere = click.substring(0, click.indexOf("?u=")) + "?u=https%3A%2F%2Fevil.example.com%2F";

        var response = siyu.anonymous().get(elsewhere);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }
}
