package io.siyu.bench;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Realistic Segment messages for load: a shop's track events with product properties, unique message ids. */
final class Messages {

    private static final String[] EVENTS = {
        "Product Viewed", "Product Added", "Page Viewed", "Cart Viewed", "Product Shared", "Content Liked"
    };

    private final AtomicLong sequence = new AtomicLong();
    private final String run;
    private final int customers;

    Messages(String run, int customers) {
        this.run = run;
        this.customers = customers;
    }

    String message(SplittableRandom random) {
        var n = sequence.incrementAndGet();
        var customer = random.nextInt(customers);
        return """
                {"type":"track","messageId":"%s-%d","anonymousId":"anon-%s-%d","userId":"user-%s-%d",\
                "event":"%s","timestamp":"2026-10-%02dT%02d:%02d:%02dZ","properties":{"product_id":"HJ-SK%03d",\
                "name":"Product %d","category":"护肤","price":%d.90,"currency":"CNY","position":%d},\
                "context":{"library":{"name":"analytics.js","version":"2.4.0"},"locale":"zh-CN",\
                "page":{"path":"/products/%d","url":"https://shop.example.com/products/%d"},\
                "userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"}}""".formatted(
                        run,
                        n,
                        run,
                        customer,
                        run,
                        customer,
                        EVENTS[random.nextInt(EVENTS.length)],
                        1 + random.nextInt(28),
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60),
                        random.nextInt(12),
                        random.nextInt(100),
                        20 + random.nextInt(500),
                        random.nextInt(20),
                        random.nextInt(100),
                        random.nextInt(100));
    }

    String batch(SplittableRandom random, int size) {
        var body = new StringBuilder(size * 600).append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(message(random));
        }
        return body.append("]}").toString();
    }

    long sent() {
        return sequence.get();
    }
}
