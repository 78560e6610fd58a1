package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail over SMTP: each call sends its messages over one connection (so a dispatcher's batch costs one connection,
 * and the dispatchers together hold a small pool of them), as {@code multipart/alternative} with the text and HTML
 * parts, the headers given (unsubscribe) and a {@code Message-ID} derived from the ledger row. A recipient the server
 * refuses with a permanent 5xx reply is {@link Delivery.Status#REJECTED}; everything else that fails is retried.
 */
public class SmtpProvider implements Provider {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpProvider.class);

    /*
     * Jakarta Mail 2.1 looks its stream provider up through the ServiceLoader for every body part it creates, encodes
     * or writes (jakartaee/mail-api issues 699 and 861), and each lookup scans the class path: half of the dispatchers'
     * CPU in a broadcast. Naming the implementation, as the API allows, makes each lookup one of a loaded class.
     */
    static {
        System.getProperties()
                .putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final JavaMailSenderImpl sender;
    private final MessagingProperties.Email settings;
    private final String domain;

    public SmtpProvider(MessagingProperties.Email settings) {
        this.settings = settings;
        var smtp = settings.smtp();
        this.sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(blankToNull(smtp.username()));
        sender.setPassword(blankToNull(smtp.password()));
        sender.setProtocol(smtp.ssl() ? "smtps" : "smtp");
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        var properties = new Properties();
        var prefix = smtp.ssl() ? "mail.smtps." : "mail.smtp.";
        var timeout = String.valueOf(smtp.timeout().toMillis());
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "writetimeout", timeout);
        properties.put(
                prefix + "auth",
                String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        properties.put(prefix + "sendpartial", "true");
        if (smtp.startTls() && !smtp.ssl()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(properties);
        var address = settings.from();
        var at = address.lastIndexOf('@');
        this.domain = at < 0
                ? "siyu.localhost"
                : address.substring(at + 1).replace(">", "").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String name() {
        return "smtp";
    }

    /** Connects to the SMTP server and signs in, sending nothing. */
    @Override
    public ProviderCheck check() {
        try {
            sender.testConnection();
            return ProviderCheck.ok("connected to " + sender.getHost() + ":" + sender.getPort());
        } catch (MessagingException e) {
            return ProviderCheck.failed(describe(e));
        }
    }

    /** The Message-ID of a ledger row's e-mail: bounces and replies name it. */
    public String messageId(long sendId) {
        return "<siyu." + (sendId > 0 ? String.valueOf(sendId) : "test" + -sendId) + "@" + domain + ">";
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        var mime = new IdentityHashMap<MimeMessage, Long>();
        var results = new HashMap<Long, Delivery>();
        for (var message : messages) {
            try {
                mime.put(mime(message), message.sendId());
            } catch (MessagingException | RuntimeException e) {
                results.put(
                        message.sendId(),
                        Delivery.rejected(message.sendId(), "not a valid message: " + e.getMessage()));
            }
        }
        try {
            sender.send(mime.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((failed, cause) -> {
                var id = mime.get(failed);
                if (id != null) {
                    results.put(id, outcome(id, cause));
                }
            });
            if (e.getFailedMessages().isEmpty()) {
                mime.values().forEach(id -> results.put(id, Delivery.retry(id, describe(e))));
            }
        } catch (MailAuthenticationException e) {
            LOG.warn("The SMTP server refused Siyu's credentials: {}", e.getMessage());
            mime.values().forEach(id -> results.put(id, Delivery.retry(id, "the SMTP server refused the credentials")));
        } catch (MailException e) {
            mime.values().forEach(id -> results.put(id, Delivery.retry(id, describe(e))));
        }
        var deliveries = new ArrayList<Delivery>();
        for (var message : messages) {
            deliveries.add(results.getOrDefault(
                    message.sendId(), Delivery.sent(message.sendId(), messageId(message.sendId()))));
        }
        return deliveries;
    }

    private Delivery outcome(long id, Exception cause) {
        if (cause instanceof SendFailedException failed
                && failed.getNextException() instanceof SMTPAddressFailedException refused
                && refused.getReturnCode() >= 500) {
            return Delivery.rejected(id, "the server refused the address: " + refused.getReturnCode());
        }
        if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
            return Delivery.rejected(id, "the server refused the address: " + refused.getReturnCode());
        }
        return Delivery.retry(id, describe(cause));
    }

    private static String describe(Exception e) {
        var root = e;
        while (root.getCause() instanceof Exception cause && cause != root) {
            root = cause;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The message as MIME. Built on the message itself rather than through Spring's {@code MimeMessageHelper}, which
     * reads the table of MIME types out of the application's jar anew for every message it wraps, the largest cost of
     * a broadcast's sending.
     */
    private MimeMessage mime(Outgoing message) throws MessagingException {
        var id = messageId(message.sendId());
        var mime = new IdentifiedMessage(sender.getSession(), id);
        var rendered = message.rendered();
        mime.setFrom(address(settings.from()));
        if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
            mime.setReplyTo(new InternetAddress[] {address(settings.replyTo())});
        }
        mime.setRecipient(Message.RecipientType.TO, address(message.to()));
        mime.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        if (rendered.html() != null) {
            var text = new MimeBodyPart();
            text.setText(rendered.text(), StandardCharsets.UTF_8.name());
            var html = new MimeBodyPart();
            html.setContent(rendered.html(), "text/html; charset=UTF-8");
            var alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        } else {
            mime.setText(rendered.text(), StandardCharsets.UTF_8.name());
        }
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    /** One address such as {@code Brand <news@brand.example>}, its name encoded in UTF-8 where it needs to be. */
    private static InternetAddress address(String text) throws MessagingException {
        var parsed = InternetAddress.parse(text);
        if (parsed.length != 1) {
            throw new AddressException("not one address", text);
        }
        try {
            return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
    }

    /** A message whose Message-ID is the ledger's, not one made up when it is saved. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
