package id.aduan.localinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server on localhost (GreenMail) that accepts mail for any address and keeps it in memory,
 * with a small web page ({@code /}) and JSON ({@code /api/messages}) showing what it received: where the
 * embedded default's notifications to reporters arrive (docs/notifications.md). Local use only: no
 * authentication, nothing relayed.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);

    private final GreenMail greenMail;
    private final int smtpPort;
    private final HttpServer web;

    private MailServer(GreenMail greenMail, int smtpPort, HttpServer web) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.web = web;
    }

    /** Starts SMTP and the web page; port 0 picks a free one. */
    public static MailServer start(int smtpPort, int webPort) {
        int[] ports = LocalPorts.resolve(smtpPort, webPort);
        LocalPorts.requireFree(ports[0], "the mail server (SMTP)");
        LocalPorts.requireFree(ports[1], "the mail server's web page");
        GreenMail greenMail = new GreenMail(new ServerSetup(ports[0], "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[1]), 0);
            MailServer server = new MailServer(greenMail, ports[0], web);
            web.createContext("/api/messages", exchange -> server.answer(exchange, "application/json", server.json()));
            web.createContext("/", exchange -> server.answer(exchange, "text/html", server.html()));
            web.start();
            log.info("Mail server: SMTP on localhost:{}, received mail at {}", ports[0], server.webUrl());
            return server;
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("the mail server's web page did not start on localhost:" + ports[1], e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The page that lists the received mail, newest first. */
    public String webUrl() {
        return "http://localhost:" + web.getAddress().getPort() + "/";
    }

    /**
     * A message as received.
     *
     * @param text the plain-text part (or the whole body when it has one part only)
     * @param html the HTML part, or null
     */
    public record Received(String messageId, List<String> to, String subject, String text, String html) {
    }

    /** Everything received so far, oldest first. */
    public List<Received> received() {
        List<Received> all = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                List<String> to = message.getAllRecipients() == null ? List.of()
                        : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
                all.add(new Received(message.getMessageID(), to, message.getSubject(), part(message, "text/plain"),
                        part(message, "text/html")));
            } catch (MessagingException | IOException e) {
                log.warn("A received message could not be read: {}", e.getMessage());
            }
        }
        return all;
    }

    /** Forgets every message received so far. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) { // GreenMail declares FolderException
            throw new IllegalStateException("the mail server's messages could not be purged", e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String json() {
        return received().stream().map(message -> "{\"messageId\":" + quoted(message.messageId())
                        + ",\"to\":[" + message.to().stream().map(MailServer::quoted).collect(Collectors.joining(",")) + "]"
                        + ",\"subject\":" + quoted(message.subject()) + ",\"text\":" + quoted(message.text())
                        + ",\"html\":" + quoted(message.html()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private String html() {
        List<Received> messages = new ArrayList<>(received());
        Collections.reverse(messages);
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Aduan: received mail</title></head><body><h1>Received mail (" + messages.size() + ")</h1>"
                + "<p>Newest first; as JSON at <a href=\"/api/messages\">/api/messages</a>.</p>");
        for (Received message : messages) {
            page.append("<article><h2>").append(escaped(message.subject())).append("</h2><p>To: ")
                    .append(escaped(String.join(", ", message.to()))).append("</p><pre>").append(escaped(message.text()))
                    .append("</pre></article><hr>");
        }
        return page.append("</body></html>").toString();
    }

    private void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String escaped(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        web.stop(0);
        greenMail.stop();
        log.info("Mail server on localhost:{} stopped", smtpPort());
    }
}
