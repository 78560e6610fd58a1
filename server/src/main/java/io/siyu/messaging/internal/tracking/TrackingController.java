package io.siyu.messaging.internal.tracking;

import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links inside messages, followed by customers' mail clients and browsers without credentials: each carries a
 * token Siyu signed for one ledger row, and anything else is refused. Not part of the operator API's description.
 */
@Hidden
@RestController
class TrackingController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingLinks links;
    private final Engagement engagement;
    private final MessagingProperties properties;

    TrackingController(TrackingLinks links, Engagement engagement, MessagingProperties properties) {
        this.links = links;
        this.engagement = engagement;
        this.properties = properties;
    }

    /** The open pixel: always the image (a bad token learns nothing), an open noted only for a signed one. */
    @GetMapping("/t/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        links.verify(token, TrackingLinks.OPEN, "").ifPresent(t -> engagement.opened(t.sendId()));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    /** The click redirect: only to the address the token was signed for. */
    @GetMapping("/t/c/{token}")
    ResponseEntity<Void> click(@PathVariable String token, @RequestParam("u") String url) {
        var verified =
                links.verify(token, TrackingLinks.CLICK, url).orElseThrow(() -> new NotFoundException("link", token));
        engagement.clicked(verified.sendId(), url);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(url))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** The unsubscribe page: says what will happen and asks to confirm (link scanners follow GETs, people click). */
    @GetMapping(value = "/t/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        var verified = links.verify(token, TrackingLinks.UNSUBSCRIBE, "");
        if (verified.isEmpty() || engagement.sent(verified.get().sendId()).isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND,
                    "This link is not valid",
                    "<p>This unsubscribe link is not one of ours, or"
                            + " it was changed on the way. Use the link in the message you received.</p>");
        }
        return page(
                HttpStatus.OK,
                "Unsubscribe from " + properties.brandName(),
                "<p>Stop marketing messages from " + HtmlText.encode(properties.brandName()) + " on this channel?</p>"
                        + "<form method=\"post\"><button type=\"submit\">退订 / Unsubscribe</button></form>");
    }

    /**
     * Unsubscribes: from the page's button, or by a mail client's one-click POST of RFC 8058 (body
     * {@code List-Unsubscribe=One-Click}, no cookies, no confirmation). Repeating it changes nothing.
     */
    @PostMapping(value = "/t/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        var channel =
                links.verify(token, TrackingLinks.UNSUBSCRIBE, "").flatMap(t -> engagement.unsubscribe(t.sendId()));
        if (channel.isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND, "This link is not valid", "<p>This unsubscribe link is not one of ours.</p>");
        }
        return page(
                HttpStatus.OK,
                "You are unsubscribed",
                "<p>You will get no more marketing messages from " + HtmlText.encode(properties.brandName()) + " by "
                        + channel.get().category() + ". 您已退订。</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlText.encode(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}"
                + "button{font-size:1rem;padding:.5rem 1rem}</style></head><body><h1>" + HtmlText.encode(title)
                + "</h1>"
                + body + "</body></html>";
        return ResponseEntity.status(status)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }
}
