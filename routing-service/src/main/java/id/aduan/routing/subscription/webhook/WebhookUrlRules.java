package id.aduan.routing.subscription.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs an agency may register as a webhook: absolute, https (unless a local demo allows
 * http), without credentials or fragment, and (unless a local demo allows it) on a host whose every
 * address is public. The host is resolved here, so this blocks; delivery checks the address it
 * connects to again ({@link InternalAddressGuard}), as DNS can change after registration.
 */
public final class WebhookUrlRules {

    static final int MAX_LENGTH = 2000;

    /** Looks a host name up; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean requireHttps;
    private final boolean allowInternalAddresses;
    private final Resolver resolver;

    public WebhookUrlRules(boolean requireHttps, boolean allowInternalAddresses, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowInternalAddresses = allowInternalAddresses;
        this.resolver = resolver;
    }

    /** Why this URL may not be registered, in words for the agency; empty when it may. */
    public Optional<String> problem(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute " + (requireHttps ? "https" : "http or https") + " URL with a host name");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; verify deliveries by their signature instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return allowInternalAddresses ? Optional.empty() : addressProblem(uri.getHost());
    }

    private Optional<String> addressProblem(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("names host " + host + ", which does not resolve");
        }
        return Arrays.stream(addresses).filter(InternalAddresses::isInternal).findFirst()
                .map(internal -> "names host " + host + ", which resolves to the internal address "
                        + internal.getHostAddress() + "; webhooks must be reachable on the public internet");
    }
}
