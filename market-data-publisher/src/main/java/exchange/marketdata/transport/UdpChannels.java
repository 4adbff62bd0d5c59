package exchange.marketdata.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;

/**
 * Opens the UDP channels of the feed with Netty's NIO transport, IPv4 only. Each method binds
 * synchronously and throws if the channel cannot be opened: start-up only.
 */
public final class UdpChannels {
    /** Receive buffer per datagram: room for the largest UDP payload, so nothing is ever truncated. */
    public static final int MAX_DATAGRAM_BYTES = 65_536;

    private static final ChannelFactory<NioDatagramChannel> IPV4 =
        () -> new NioDatagramChannel(SocketProtocolFamily.INET);

    private UdpChannels() {
    }

    /** An event-loop group of {@code threads} daemon threads named {@code name-N}. */
    public static EventLoopGroup newEventLoopGroup(final int threads, final String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }

    /**
     * A channel that sends multicast on {@code networkInterface} with the given TTL and loopback.
     * Bound to an ephemeral port; it reads nothing.
     */
    public static DatagramChannel openMulticastSender(
        final EventLoopGroup group,
        final NetworkInterface networkInterface,
        final int ttl,
        final boolean loopback,
        final ChannelHandler handler) throws InterruptedException {
        return (DatagramChannel)new Bootstrap()
            .group(group)
            .channelFactory(IPV4)
            .option(NioChannelOption.of(StandardSocketOptions.IP_MULTICAST_IF), networkInterface)
            .option(NioChannelOption.of(StandardSocketOptions.IP_MULTICAST_TTL), ttl)
            // Set the JDK option itself: Netty 4.2's NIO IP_MULTICAST_LOOP_DISABLED writes its value
            // unchanged into IP_MULTICAST_LOOP, so "disabled = false" would turn loopback off.
            .option(NioChannelOption.of(StandardSocketOptions.IP_MULTICAST_LOOP), loopback)
            .handler(handler)
            .bind(new InetSocketAddress(0))
            .sync()
            .channel();
    }

    /**
     * A channel bound to the feed's port that has joined {@code groupAddress} on
     * {@code networkInterface}. SO_REUSEADDR lets several subscribers on one host share the port; the
     * JDK's NIO channels only receive the groups they joined themselves.
     */
    public static DatagramChannel openMulticastReceiver(
        final EventLoopGroup group,
        final InetSocketAddress groupAddress,
        final NetworkInterface networkInterface,
        final int receiveBufferBytes,
        final ChannelHandler handler) throws InterruptedException {
        final DatagramChannel channel = (DatagramChannel)new Bootstrap()
            .group(group)
            .channelFactory(IPV4)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_RCVBUF, receiveBufferBytes)
            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
            .handler(handler)
            .bind(new InetSocketAddress(groupAddress.getPort()))
            .sync()
            .channel();
        try {
            channel.joinGroup(groupAddress, networkInterface).sync();
        } catch (final RuntimeException | InterruptedException ex) {
            channel.close().sync();
            throw ex;
        }
        return channel;
    }

    /** A unicast channel bound to {@code bindAddress} (port 0 for an ephemeral one). */
    public static DatagramChannel openUnicast(
        final EventLoopGroup group,
        final InetSocketAddress bindAddress,
        final int receiveBufferBytes,
        final ChannelHandler handler) throws InterruptedException {
        return (DatagramChannel)new Bootstrap()
            .group(group)
            .channelFactory(IPV4)
            .option(ChannelOption.SO_RCVBUF, receiveBufferBytes)
            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
            .handler(handler)
            .bind(bindAddress)
            .sync()
            .channel();
    }
}
