package exchange.marketdata.transport;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Datagrams queued by one thread leave through the channel's event loop, in order, one task a batch. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchingDatagramSinkTest {
    private final EventLoopGroup group = UdpChannels.newEventLoopGroup(1, "sink-test");

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void shouldSendEveryQueuedDatagramInOrderOnceFlushed() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(5_000);
            receiver.setReceiveBufferSize(4 << 20);
            final DatagramChannel channel = UdpChannels.openUnicast(group, new InetSocketAddress(0), 1 << 16,
                new ChannelInboundHandlerAdapter());
            final List<Integer> observed = new ArrayList<>();
            final BatchingDatagramSink sink = new BatchingDatagramSink(channel,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort()), 64,
                (buffer, offset, length) -> observed.add(buffer.getInt(offset)));
            final UnsafeBuffer datagram = new UnsafeBuffer(ByteBuffer.allocate(100));

            for (int batch = 0; batch < 10; batch++) {
                for (int i = 0; i < 50; i++) {
                    datagram.putInt(0, batch * 50 + i);
                    sink.send(datagram, 0, 100);
                }
                sink.flush();
                for (int i = 0; i < 50; i++) {
                    final DatagramPacket received = new DatagramPacket(new byte[200], 200);
                    receiver.receive(received);
                    assertThat(received.getLength()).isEqualTo(100);
                    assertThat(ByteBuffer.wrap(received.getData()).order(java.nio.ByteOrder.nativeOrder()).getInt()).isEqualTo(batch * 50 + i);
                }
            }
            channel.eventLoop().submit(() -> { }).sync();
            assertThat(observed).hasSize(500).isSorted();
            channel.close().sync();
        }
    }

    @Test
    void shouldSayItIsFullAndWaitForRoomRatherThanQueueWithoutBound() throws Exception {
        final DatagramChannel channel = UdpChannels.openUnicast(group, new InetSocketAddress(0), 1 << 16,
            new ChannelInboundHandlerAdapter());
        final BatchingDatagramSink sink = new BatchingDatagramSink(channel,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), 4, null);
        final UnsafeBuffer datagram = new UnsafeBuffer(new byte[10]);
        for (int i = 0; i < 4; i++) {
            assertThat(sink.isWritable()).isTrue();
            sink.send(datagram, 0, 10);
        }

        assertThat(sink.isWritable()).isFalse();
        sink.send(datagram, 0, 10); // has the queue drained, waits for room, then queues
        sink.flush();
        channel.eventLoop().submit(() -> { }).sync();
        assertThat(sink.isWritable()).isTrue();
        assertThat(sink.queued()).isZero();
        channel.close().sync();
    }
}
