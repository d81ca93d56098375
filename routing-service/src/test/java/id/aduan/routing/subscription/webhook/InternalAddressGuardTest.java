package id.aduan.routing.subscription.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class InternalAddressGuardTest {

    @Test
    void aConnectionToAnInternalAddressFailsBeforeItIsMade() {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "169.254.169.254", "::1"}) {
            ChannelFuture connect = new EmbeddedChannel(new InternalAddressGuard()).connect(new InetSocketAddress(address, 443));
            assertThat(connect.isSuccess()).as(address).isFalse();
            assertThat(connect.cause()).isInstanceOf(ConnectException.class).hasMessageContaining("internal address");
        }
    }

    @Test
    void anUnresolvedAddressIsRefusedRatherThanTrusted() {
        ChannelFuture connect = new EmbeddedChannel(new InternalAddressGuard())
                .connect(InetSocketAddress.createUnresolved("hooks.bandung.go.id", 443));
        assertThat(connect.cause()).isInstanceOf(ConnectException.class).hasMessageContaining("unresolved");
    }

    @Test
    void aConnectionToAPublicAddressGoesAhead() {
        ChannelFuture connect = new EmbeddedChannel(new InternalAddressGuard()).connect(new InetSocketAddress("103.3.60.10", 443));
        assertThat(connect.isSuccess()).isTrue();
    }
}
