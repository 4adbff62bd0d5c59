package exchange.sequencer.crash;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventType;
import exchange.matching.testing.CommandStream;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TestCommands;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process a crash test kills: runs a sequencer on a data directory, appends a generated command
 * stream as fast as it can, and prints one line per order the event log acknowledges
 * ({@code A <order id> .}), only once that Accepted event is in the log. The parent kills it with
 * SIGKILL at a random moment.
 *
 * <p>Arguments: data dir, seed, commands, snapshot interval.
 */
public final class CrashChild {
    public static final List<Instrument> INSTRUMENTS = List.of(Instrument.builder(1, "AAA").build(),
        Instrument.builder(2, "BBB").maxPriceLevels(6).build());

    private CrashChild() {
    }

    public static SequencerConfig config(final Path dataDir, final long snapshotInterval) {
        return SequencerConfig.builder(dataDir).idleStrategy("backoff").snapshotInterval(snapshotInterval)
            .engine(EngineConfig.defaults().orderCapacity(1 << 16).levelCapacity(1 << 12)).build();
    }

    public static void main(final String[] args) throws Exception {
        final Path dataDir = Path.of(args[0]);
        final long seed = Long.parseLong(args[1]);
        final int count = Integer.parseInt(args[2]);
        final long snapshotInterval = Long.parseLong(args[3]);
        final List<byte[]> commands = CommandStream.generate(seed, count);
        final PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
            StandardCharsets.US_ASCII), 1 << 16), false);
        final Sequencer sequencer = Sequencer.start(config(dataDir, snapshotInterval), INSTRUMENTS,
            new SystemEpochNanoClock());
        final long already = sequencer.commands().lastSequence();
        out.println("STARTED " + already);
        out.flush();
        final Thread acks = new Thread(() -> {
            final EventDecoder decoder = new EventDecoder();
            try (EventLogReader reader = sequencer.eventLog().newReader()) {
                while (!Thread.currentThread().isInterrupted()) {
                    final int n = reader.poll((doc, seq, idx, buffer, offset, length) -> {
                        if (decoder.wrap(buffer, offset).type() == EventType.ACCEPTED) {
                            out.println(CrashRound.ackLine(((AcceptedEvent) decoder.wrap(buffer, offset)).orderId()));
                        }
                    }, 64);
                    if (n > 0) {
                        out.flush();
                    } else {
                        Thread.onSpinWait();
                    }
                }
            }
        }, "acks");
        acks.setDaemon(true);
        acks.start();
        // Resume the stream where the journal ends, so the whole run is one stream.
        for (int i = (int) already; i < commands.size(); i++) {
            sequencer.commands().append(TestCommands.copyOf(commands.get(i)));
        }
        out.println("DONE");
        out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
