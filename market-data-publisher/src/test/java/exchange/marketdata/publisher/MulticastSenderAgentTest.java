package exchange.marketdata.publisher;

import exchange.marketdata.moldudp64.DownstreamPacketDecoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.MoldUdp64Packetiser;
import exchange.marketdata.store.InMemoryMessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.marketdata.testing.CapturingSink;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender agent driven step by step, over an in-memory log and a capturing sink. */
class MulticastSenderAgentTest {
    private static final MoldSession SESSION = MoldSession.of("SENDTEST");
    private static final long HEARTBEAT_NS = 1_000;
    private static final int MESSAGE_LENGTH = 36;
    /** Three 36-byte messages per packet. */
    private static final int PACKET_LENGTH = 20 + 3 * (2 + MESSAGE_LENGTH);

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final CapturingSink sink = new CapturingSink();
    private final CachedNanoClock clock = new CachedNanoClock();
    private boolean writable = true;
    private final MulticastSenderAgent agent = new MulticastSenderAgent(
        store.newReader(),
        new MoldUdp64Packetiser(SESSION, PACKET_LENGTH, HEARTBEAT_NS, 1, 0, sink),
        clock,
        () -> writable,
        5,
        store.maxMessageLength());

    private void append(final int count) {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);
        for (int i = 0; i < count; i++) {
            message.putLong(0, store.lastSequence() + 1);
            store.append(message, 0, MESSAGE_LENGTH);
        }
    }

    /** "first+count" per packet, "hb:next" for heartbeats, "eos:next" for end of session. */
    private List<String> packets() {
        final List<String> described = new ArrayList<>();
        for (final byte[] packet : sink.packets()) {
            final DownstreamPacketDecoder decoder = new DownstreamPacketDecoder().wrap(new UnsafeBuffer(packet), 0, packet.length);
            assertThat(decoder.isWellFormed()).isTrue();
            if (decoder.isHeartbeat()) {
                described.add("hb:" + decoder.sequenceNumber());
            } else if (decoder.isEndOfSession()) {
                described.add("eos:" + decoder.sequenceNumber());
            } else {
                decoder.forEachMessage((sequence, buffer, offset, length) ->
                    assertThat(buffer.getLong(offset)).isEqualTo(sequence));
                described.add(decoder.sequenceNumber() + "+" + decoder.messageCount());
            }
        }
        return described;
    }

    @Test
    void shouldSendFullPacketsWhileBehindAndFlushOnceCaughtUp() {
        append(7);

        assertThat(agent.doWork()).isEqualTo(5);
        assertThat(packets()).as("5 read, one full packet out").containsExactly("1+3");
        agent.doWork();
        assertThat(packets()).as("caught up: the rest is flushed").containsExactly("1+3", "4+3", "7+1");
        assertThat(agent.sentUpTo()).isEqualTo(7);
        assertThat(agent.doWork()).as("nothing to do").isZero();
    }

    @Test
    void shouldHeartbeatWhenIdleForTheInterval() {
        append(1);
        agent.doWork();

        clock.update(HEARTBEAT_NS);
        agent.doWork();

        assertThat(packets()).containsExactly("1+1", "hb:2");
    }

    @Test
    void shouldStopReadingWhileTheChannelCannotTakeMore() {
        append(4);
        writable = false;

        assertThat(agent.doWork()).isZero();
        assertThat(sink.packets()).isEmpty();

        writable = true;
        agent.doWork();
        assertThat(packets()).containsExactly("1+3", "4+1");
    }

    @Test
    void shouldNotEndTheSessionEarlyWhenTheProducerFinishesWhileTheAgentIsCatchingUp() {
        final MulticastSenderAgent[] racing = new MulticastSenderAgent[1];
        final MessageStoreReader storeReader = store.newReader();
        final MessageStoreReader producerRacesTheAgent = new MessageStoreReader() {
            private boolean raced;

            @Override
            public int read(final long sequenceNumber, final MutableDirectBuffer destination, final int offset) {
                final int length = storeReader.read(sequenceNumber, destination, offset);
                if (length == NOT_FOUND && !raced) {
                    raced = true;
                    append(2); // the producer's last appends land just after the agent found nothing new
                    racing[0].requestEndOfSession();
                }
                return length;
            }

            @Override
            public void close() {
            }
        };
        racing[0] = new MulticastSenderAgent(producerRacesTheAgent,
            new MoldUdp64Packetiser(SESSION, PACKET_LENGTH, HEARTBEAT_NS, 1, 0, sink), clock, () -> true, 5,
            store.maxMessageLength());
        append(1);

        racing[0].doWork();
        racing[0].doWork();

        assertThat(packets()).containsExactly("1+1", "2+2", "eos:4");
    }

    @Test
    void shouldEndTheSessionOnlyAfterSendingEverythingInTheLog() {
        append(7);
        agent.requestEndOfSession();

        agent.doWork();
        assertThat(packets()).as("not caught up yet").containsExactly("1+3");
        agent.doWork();
        assertThat(packets()).containsExactly("1+3", "4+3", "7+1", "eos:8");
        assertThat(agent.isSessionEnded()).isTrue();

        clock.update(HEARTBEAT_NS);
        agent.doWork();
        assertThat(packets()).as("end of session repeats instead of heartbeats").endsWith("eos:8", "eos:8");
    }
}
