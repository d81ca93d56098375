package id.aduan.routing.subscription.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InternalAddressesTest {

    @Example
    void publicAddressesAreAllowed() throws UnknownHostException {
        for (String address : new String[] {"8.8.8.8", "1.1.1.1", "103.3.60.1", "2001:4860:4860::8888", "2606:4700::1111",
                "100.128.0.1", "172.32.0.1", "192.169.0.1"}) {
            assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Example
    void aduansOwnNetworksAreNot() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1",
                "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "::127.0.0.1"}) {
            assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Property
    void everyPrivateIpv4AddressIsInternalHoweverItIsWritten(@ForAll("privateIpv4") byte[] ipv4) throws UnknownHostException {
        assertThat(InternalAddresses.isInternal(InetAddress.getByAddress(ipv4))).isTrue();
        assertThat(InternalAddresses.isInternal(InetAddress.getByAddress(nat64(ipv4)))).isTrue();
        assertThat(InternalAddresses.isInternal(InetAddress.getByAddress(sixToFour(ipv4)))).isTrue();
    }

    @Provide
    Arbitrary<byte[]> privateIpv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(Arbitraries.of(new int[] {10, 0}, new int[] {172, 16}, new int[] {192, 168},
                        new int[] {127, 0}, new int[] {169, 254}), octet, octet, octet)
                .as((prefix, a, b, c) -> switch (prefix[0]) {
                    case 10, 127 -> new byte[] {(byte) prefix[0], a.byteValue(), b.byteValue(), c.byteValue()};
                    case 172 -> new byte[] {(byte) 172, (byte) (16 + a % 16), b.byteValue(), c.byteValue()};
                    default -> new byte[] {(byte) prefix[0], (byte) prefix[1], b.byteValue(), c.byteValue()};
                });
    }

    private static byte[] nat64(byte[] ipv4) {
        byte[] ipv6 = new byte[16];
        ipv6[1] = 0x64;
        ipv6[2] = (byte) 0xff;
        ipv6[3] = (byte) 0x9b;
        System.arraycopy(ipv4, 0, ipv6, 12, 4);
        return ipv6;
    }

    private static byte[] sixToFour(byte[] ipv4) {
        byte[] ipv6 = new byte[16];
        ipv6[0] = 0x20;
        ipv6[1] = 0x02;
        System.arraycopy(ipv4, 0, ipv6, 2, 4);
        ipv6[15] = 1;
        return ipv6;
    }
}
