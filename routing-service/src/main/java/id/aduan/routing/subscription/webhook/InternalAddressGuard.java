package id.aduan.routing.subscription.webhook;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Refuses a webhook connection to an internal address, checked on the very address being connected
 * to, after name resolution: a host that resolved to a public address at registration and to an
 * internal one now (DNS rebinding), or a URL with an IP literal, is caught here.
 */
@ChannelHandler.Sharable
final class InternalAddressGuard extends ChannelOutboundHandlerAdapter {

    @Override
    public void connect(ChannelHandlerContext context, SocketAddress remote, SocketAddress local, ChannelPromise promise)
            throws Exception {
        if (!(remote instanceof InetSocketAddress inet) || inet.isUnresolved()) {
            promise.setFailure(new ConnectException("refused to connect to an unresolved address " + remote));
        } else if (InternalAddresses.isInternal(inet.getAddress())) {
            promise.setFailure(new ConnectException("refused to connect to the internal address "
                    + inet.getAddress().getHostAddress()));
        } else {
            super.connect(context, remote, local, promise);
        }
    }
}
