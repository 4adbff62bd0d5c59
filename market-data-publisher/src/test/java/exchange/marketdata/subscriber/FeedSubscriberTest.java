package exchange.marketdata.subscriber;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.DownstreamPacketEncoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.testing.Network;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscriber's sockets over real UDP on loopback, facing datagrams that are not the feed's. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedSubscriberTest {
    private static final MoldSession SESSION = MoldSession.of("SUBTEST");

    private static byte[] packet(final long sequence, final String message) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        final DownstreamPacketEncoder encoder = new DownstreamPacketEncoder().wrap(buffer, 0).session(SESSION)
            .sequenceNumber(sequence);
        encoder.appendMessage(new UnsafeBuffer(bytes), 0, bytes.length);
        final byte[] datagram = new byte[encoder.encodedLength()];
        buffer.getBytes(0, datagram);
        return datagram;
    }

    /**
     * The re-request socket's port is open to anyone: a datagram from anywhere but the re-request
     * server must not be taken as the feed (it would deliver a forged message under the next sequence
     * number, and the genuine one would then be dropped as a duplicate).
     */
    @Test
    void shouldTakeAnswersOnlyFromTheRerequestServer() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket rogue = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            final MarketDataConfig config = Network.loopbackFeed(SESSION.name())
                .with(MarketDataConfig.REREQUEST_ADDRESS, "127.0.0.1:" + server.getLocalPort());
            final List<String> delivered = new CopyOnWriteArrayList<>();
            try (FeedSubscriber subscriber = FeedSubscriber.start(config, SESSION,
                (sequence, buffer, offset, length) ->
                    delivered.add(sequence + ":" + buffer.getStringWithoutLengthAscii(offset, length)),
                PacketDropPolicy.NONE)) {
                final InetSocketAddress socket =
                    new InetSocketAddress("127.0.0.1", subscriber.rerequestLocalAddress().getPort());
                final byte[] forged = packet(1, "FORGED");
                rogue.send(new DatagramPacket(forged, forged.length, socket));
                final byte[] genuine = packet(1, "GENUINE");
                server.send(new DatagramPacket(genuine, genuine.length, socket));

                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (subscriber.deliveredUpTo() < 1) {
                    assertThat(System.nanoTime()).as("message 1 delivered in time").isLessThan(deadlineNs);
                    Thread.onSpinWait();
                }
                assertThat(delivered).containsExactly("1:GENUINE");
                assertThat(subscriber.foreignPackets()).isEqualTo(1);
            }
        }
    }
}
