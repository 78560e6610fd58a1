package io.siyu;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test suite, started once on a free port: every Spring context of the
 * tests sends its e-mail there. Tests tell their messages apart by recipient, since the server is shared.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {}

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return get().getSmtp().getPort();
    }

    /** The messages received so far for one recipient. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(m -> addressedTo(m, recipient))
                .toList();
    }

    /**
     * Waits until {@code count} messages for one recipient arrived and returns them; fails after a generous time (the
     * dispatcher runs within a second on an idle machine, far later on a busy one).
     */
    public static List<MimeMessage> await(String recipient, int count) {
        return await(() -> to(recipient), count, "message(s) for " + recipient);
    }

    /**
     * Waits until a list of what arrived holds {@code count} items and returns it; fails after a generous time, naming
     * {@code what} was awaited.
     */
    static <T> List<T> await(java.util.function.Supplier<List<T>> arrived, int count, String what) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var received = arrived.get();
            if (received.size() >= count) {
                return received;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "no " + count + " " + what + " arrived; got " + arrived.get().size());
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
