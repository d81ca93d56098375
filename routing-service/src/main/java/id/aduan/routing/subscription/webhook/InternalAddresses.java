package id.aduan.routing.subscription.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a webhook must never reach in production: Aduan's own machines and networks. A URL
 * naming one could make routing-service call an internal service on an agency's behalf (SSRF).
 */
public final class InternalAddresses {

    private InternalAddresses() {
    }

    /**
     * Loopback, unspecified, private (site-local), link-local (cloud metadata endpoints among them),
     * multicast, unique-local IPv6, carrier-grade NAT, reserved IPv4 ranges, and any of these
     * embedded in an IPv6 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
     */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                    || (first == 192 && second == 0 && bytes[2] == 0) // 192.0.0.0/24, IETF protocol assignments
                    || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15, benchmarking
                    || first >= 240; // reserved, and broadcast
        }
        if (((bytes[0] & 0xff) & 0xfe) == 0xfc) {
            return true; // fc00::/7, unique local
        }
        return embeddedIpv4(bytes) != null && isInternal(embeddedIpv4(bytes));
    }

    /** The IPv4 address an IPv6 address carries by a standard embedding, or null. */
    private static InetAddress embeddedIpv4(byte[] ipv6) {
        boolean firstTenZero = Arrays.equals(ipv6, 0, 10, new byte[10], 0, 10);
        boolean mapped = firstTenZero && (ipv6[10] & 0xff) == 0xff && (ipv6[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && ipv6[10] == 0 && ipv6[11] == 0;
        boolean nat64 = (ipv6[0] & 0xff) == 0x00 && (ipv6[1] & 0xff) == 0x64 && (ipv6[2] & 0xff) == 0xff
                && (ipv6[3] & 0xff) == 0x9b && Arrays.equals(ipv6, 4, 12, new byte[8], 0, 8);
        if (mapped || compatible || nat64) {
            return ipv4(Arrays.copyOfRange(ipv6, 12, 16));
        }
        if ((ipv6[0] & 0xff) == 0x20 && (ipv6[1] & 0xff) == 0x02) {
            return ipv4(Arrays.copyOfRange(ipv6, 2, 6)); // 2002::/16, 6to4
        }
        return null;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
