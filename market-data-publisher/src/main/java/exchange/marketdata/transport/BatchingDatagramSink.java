package exchange.marketdata.transport;

import exchange.marketdata.moldudp64.PacketSink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link PacketSink} for one producer thread that hands datagrams to a Netty channel in batches:
 * {@link #send} copies the datagram into a pooled buffer and queues it; {@link #flush} asks the
 * channel's event loop, with one task, to write everything queued and flush once.
 *
 * <p>Why: a write from outside the event loop costs Netty a task and, often, a selector wake-up per
 * datagram (about 15 µs each here, so some 60,000 packets a second). Queued and drained in one task,
 * the event loop pays only its send system call per datagram, and the producer a copy.
 *
 * <p>{@link #send} and {@link #flush} from the one producer thread. The queue is bounded: a producer
 * checks {@link #isWritable()} before a batch, and {@link #send} into a full queue has the queue
 * drained and waits for room (the producer's thread only, never the event loop).
 */
public final class BatchingDatagramSink implements PacketSink {
    private final Channel channel;
    private final InetSocketAddress target;
    private final OneToOneConcurrentArrayQueue<ByteBuf> queue;
    private static final long WAIT_FOR_ROOM_NS = 10_000;

    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final PacketSink written;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    /**
     * @param capacity most datagrams queued at once.
     * @param written  shown each datagram on the event loop as it is written to the channel (the send
     *                 system call follows in the same task), or null: for measurements.
     */
    public BatchingDatagramSink(final Channel channel, final InetSocketAddress target, final int capacity,
        final PacketSink written) {
        this.channel = channel;
        this.target = target;
        this.queue = new OneToOneConcurrentArrayQueue<>(capacity);
        this.written = written;
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length) {
        final ByteBuf copy = DatagramChannelSink.copy(channel, buffer, offset, length);
        while (!queue.offer(copy)) {
            if (!channel.isActive()) {
                copy.release();
                return;
            }
            flush();
            LockSupport.parkNanos(WAIT_FOR_ROOM_NS);
        }
    }

    /** Has the event loop write what is queued (one task, however many datagrams). */
    public void flush() {
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
    }

    /** Whether a datagram can be queued: room in the queue and the channel below its high-water mark. */
    public boolean isWritable() {
        return queue.size() < queue.capacity() && channel.isWritable();
    }

    /** Datagrams queued and not yet written. Any thread. */
    public int queued() {
        return queue.size();
    }

    /** Most datagrams queued at once. */
    public int capacity() {
        return queue.capacity();
    }

    /** Event loop: writes every queued datagram, then flushes once. */
    private void drain() {
        drainScheduled.set(false); // before polling: a datagram queued from now on schedules another drain
        ByteBuf datagram;
        while ((datagram = queue.poll()) != null) {
            if (channel.isActive()) {
                if (written != null) {
                    if (datagram.hasMemoryAddress()) {
                        view.wrap(datagram.memoryAddress() + datagram.readerIndex(), datagram.readableBytes());
                    } else {
                        view.wrap(datagram.nioBuffer(datagram.readerIndex(), datagram.readableBytes()));
                    }
                    written.send(view, 0, datagram.readableBytes());
                }
                channel.write(new DatagramPacket(datagram, target), channel.voidPromise());
            } else {
                datagram.release();
            }
        }
        channel.flush();
    }
}
