package exchange.sequencer.crash;

import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.sequencer.CommandJournal;
import exchange.sequencer.Durability;
import exchange.sequencer.TestCommands;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;

/**
 * Journals a few commands, then starts writing one more and is killed in the middle of it: the
 * journal ends with an incomplete entry, as after a crash mid-write. Argument: journal dir.
 */
public final class MidWriteChild {
    private MidWriteChild() {
    }

    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        try (CommandJournal journal = CommandJournal.open(dir, Durability.PAGE_CACHE, new SystemEpochNanoClock())) {
            for (int i = 0; i < 10; i++) {
                journal.append(TestCommands.limit(1, Side.BUY, 100_0000, 10 + i, 1, TimeInForce.DAY));
            }
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        dc.wire().bytes().writeShort((short) 90).writeByte((byte) 1).writeByte((byte) 0).writeInt(1);
        System.out.println("MIDWRITE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
