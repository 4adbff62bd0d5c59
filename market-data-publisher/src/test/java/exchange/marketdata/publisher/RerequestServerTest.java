package exchange.marketdata.publisher;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.DownstreamPacketDecoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.RequestPacketEncoder;
import exchange.marketdata.store.InMemoryMessageStore;
import exchange.marketdata.testing.Network;
import exchange.marketdata.transport.UdpChannels;
import io.netty.channel.EventLoopGroup;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The re-request server over real UDP on loopback, with a plain JDK socket as the client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RerequestServerTest {
    private static final MoldSession SESSION = MoldSession.of("SRVTEST");

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private EventLoopGroup group;
    private RerequestServer server;
    private DatagramSocket client;

    @BeforeEach
    void start() throws Exception {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[19]);
        for (long sequence = 1; sequence <= 100; sequence++) {
            message.putLong(0, sequence);
            store.append(message, 0, 19);
        }
        final MarketDataConfig config = Network.loopbackFeed(SESSION.name());
        group = UdpChannels.newEventLoopGroup(1, "test-rerequest");
        server = RerequestServer.start(config, store, group);
        client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        client.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void send(final byte[] datagram) throws Exception {
        client.send(new DatagramPacket(datagram, datagram.length, server.localAddress()));
    }

    private byte[] request(final MoldSession session, final long from, final int count) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[20]);
        new RequestPacketEncoder().wrap(buffer, 0).session(session).sequenceNumber(from).requestedMessageCount(count);
        return buffer.byteArray();
    }

    /** Receives one datagram and describes it as "first+count". */
    private String receive() throws Exception {
        final byte[] bytes = new byte[2048];
        final DatagramPacket datagram = new DatagramPacket(bytes, bytes.length);
        client.receive(datagram);
        final DownstreamPacketDecoder decoder =
            new DownstreamPacketDecoder().wrap(new UnsafeBuffer(bytes), 0, datagram.getLength());
        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.sessionMatches(SESSION)).isTrue();
        decoder.forEachMessage((sequence, buffer, offset, length) -> assertThat(buffer.getLong(offset)).isEqualTo(sequence));
        return decoder.sequenceNumber() + "+" + decoder.messageCount();
    }

    @Test
    void shouldAnswerARequestToTheRequestersAddress() throws Exception {
        send(request(SESSION, 10, 5));

        assertThat(receive()).isEqualTo("10+5");
    }

    @Test
    void shouldIgnoreMalformedRequestsAndKeepAnsweringGoodOnes() throws Exception {
        send(new byte[] {1, 2, 3});
        send(new byte[0]);
        send(new byte[1500]);
        send(request(MoldSession.of("WRONG"), 1, 5));
        send(request(SESSION, 0, 5));
        send(request(SESSION, 5_000, 5));
        send(request(SESSION, Long.MAX_VALUE, 5));
        send(request(SESSION, Long.MIN_VALUE, 5));
        final byte[] zeroCount = request(SESSION, 1, 1);
        zeroCount[18] = 0;
        zeroCount[19] = 0;
        send(zeroCount);
        send(request(SESSION, 42, 3));
        send(new byte[] {(byte)0xFF});
        send(request(SESSION, 99, 0xFFFF));

        assertThat(receive()).as("the first answer is to the first good request").isEqualTo("42+3");
        assertThat(receive()).isEqualTo("99+2");
        client.setSoTimeout(200);
        assertThat(nothingMoreArrives()).isTrue();
        assertThat(server.responder().requestsRefused()).isEqualTo(10);
    }

    private boolean nothingMoreArrives() throws Exception {
        try {
            client.receive(new DatagramPacket(new byte[2048], 2048));
            return false;
        } catch (final SocketTimeoutException expected) {
            return true;
        }
    }

    /**
     * A requester is only a UDP source address, which anyone can forge: a flood of 20-byte requests,
     * each from a new source, must not be answered with a full rate's worth of messages per source, or
     * the server amplifies the attack and starves the live feed on its event loop.
     */
    @Test
    void shouldBoundWhatAllRequestersTogetherAreSentPerSecond() throws Exception {
        stop();
        final int total = 150;
        final MarketDataConfig config = Network.loopbackFeed(SESSION.name())
            .with(MarketDataConfig.MAX_MESSAGES_PER_SECOND_PER_REQUESTER, "1000")
            .with(MarketDataConfig.MAX_MESSAGES_PER_SECOND_TOTAL, Integer.toString(total));
        group = UdpChannels.newEventLoopGroup(1, "test-rerequest");
        server = RerequestServer.start(config, store, group);
        client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        final DatagramSocket[] sources = new DatagramSocket[10];
        final long startNs = System.nanoTime();
        try {
            for (int i = 0; i < sources.length; i++) {
                sources[i] = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                final byte[] whole = request(SESSION, 1, 100);
                sources[i].send(new DatagramPacket(whole, whole.length, server.localAddress()));
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.responder().requestsServed() + server.responder().requestsRefused() < sources.length) {
                assertThat(System.nanoTime()).as("all requests handled in time").isLessThan(deadlineNs);
                Thread.onSpinWait();
            }
            final double elapsedSeconds = (System.nanoTime() - startNs) / 1e9;
            assertThat(server.responder().messagesServed())
                .as("one second's total, plus what refills while the flood lasts")
                .isGreaterThanOrEqualTo(100)
                .isLessThanOrEqualTo(total + (long)Math.ceil(elapsedSeconds * total));
        } finally {
            for (final DatagramSocket source : sources) {
                if (source != null) {
                    source.close();
                }
            }
        }
    }
}
