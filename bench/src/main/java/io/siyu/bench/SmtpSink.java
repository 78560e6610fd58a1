package io.siyu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server that accepts every message and keeps only what a benchmark counts: messages, and how many each
 * recipient got. Speaks enough of RFC 5321 for a mail client (EHLO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP,
 * QUIT); a message counts once the server answered 250 to its DATA, as a real server takes responsibility for it.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket socket;
    private final java.util.concurrent.ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<String, AtomicInteger> byRecipient = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private volatile long firstAt;
    private volatile long lastAt;

    SmtpSink() throws IOException {
        socket = new ServerSocket(0, 200);
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    /** Distinct recipients that got at least one message. */
    long recipients() {
        return byRecipient.size();
    }

    /** Recipients that got more than one message, and the messages beyond the first they got. */
    long[] duplicates() {
        long recipients = 0;
        long extra = 0;
        for (var count : byRecipient.values()) {
            if (count.get() > 1) {
                recipients++;
                extra += count.get() - 1;
            }
        }
        return new long[] {recipients, extra};
    }

    /** Forgets what it counted, for the next round of a benchmark. */
    void reset() {
        byRecipient.clear();
        messages.set(0);
        firstAt = 0;
        lastAt = 0;
    }

    /** Nanosecond clock readings of the first and the last message accepted. */
    long firstAt() {
        return firstAt;
    }

    long lastAt() {
        return lastAt;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                sessions.submit(() -> session(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private Void session(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                var out = client.getOutputStream()) {
            reply(out, "220 bench-sink ESMTP");
            var recipients = new ArrayList<String>();
            String line;
            while ((line = in.readLine()) != null) {
                var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING");
                    case "HELO" -> reply(out, "250 bench-sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        var start = line.indexOf('<');
                        var end = line.indexOf('>', start);
                        recipients.add(line.substring(start + 1, end).toLowerCase(Locale.ROOT));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        for (var recipient : recipients) {
                            byRecipient
                                    .computeIfAbsent(recipient, r -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        var now = System.nanoTime();
                        if (messages.getAndIncrement() == 0) {
                            firstAt = now;
                        }
                        lastAt = now;
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return null;
                    }
                    // RFC 5321's answer to a command the server does not know (VRFY, EXPN, AUTH...): the sink needs
                    // none
                    default -> reply(out, "502 5.5.1 Command not recognized");
                }
            }
        } catch (IOException | RuntimeException cut) {
            // the client went away, e.g. killed mid-message: what it did not finish does not count
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }
}
