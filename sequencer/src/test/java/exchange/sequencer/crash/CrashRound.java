package exchange.sequencer.crash;

import exchange.matching.MatchingEngine;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventType;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import exchange.sequencer.CommandJournal;
import exchange.sequencer.Durability;
import exchange.sequencer.EventLogCollector;
import exchange.sequencer.JournalReader;
import exchange.sequencer.Sequencer;
import exchange.sequencer.TestCommands;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One crash-and-recover round: start a {@link CrashChild} on a data directory, let it work, kill it
 * with SIGKILL at a random moment, restart the sequencer on the same directory, finish the stream,
 * and check that every order acknowledged before the kill is there, no event was published twice,
 * and the whole event log equals a replay of the journal through a fresh engine.
 */
public final class CrashRound {
    /** What a round saw. */
    public record Outcome(long journaledAtKill, int acknowledgedAtKill, long replayed, long totalCommands,
                          long events) {
    }

    private CrashRound() {
    }

    /**
     * @param dataDir          a fresh directory
     * @param seed             stream seed
     * @param commands         stream length
     * @param killAfterMillis  when to kill the child, after it has started
     * @param snapshotInterval snapshot every so many commands, 0 for none
     * @return what happened
     * @throws AssertionError when a guarantee was broken
     */
    public static Outcome run(final Path dataDir, final long seed, final int commands, final long killAfterMillis,
                              final long snapshotInterval) throws Exception {
        final Set<Long> acknowledged = new HashSet<>();
        final Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Xmx512m",
            "-Dlogback.configurationFile=logback-quiet.xml",
            CrashChild.class.getName(), dataDir.toString(), Long.toString(seed), Integer.toString(commands),
            Long.toString(snapshotInterval))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        final List<String> lines = new ArrayList<>();
        final Thread readerThread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (final java.io.IOException ignored) {
                // the child was killed
            }
        });
        readerThread.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            synchronized (lines) {
                if (!lines.isEmpty() && lines.get(0).startsWith("STARTED")) {
                    break;
                }
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("the child did not start");
            }
            Thread.sleep(5);
        }
        Thread.sleep(killAfterMillis);
        // SIGKILL: no shutdown hook, no flush, no close.
        new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
        child.waitFor(30, TimeUnit.SECONDS);
        readerThread.join(10_000);
        synchronized (lines) {
            acknowledged.addAll(acknowledged(lines));
        }

        final List<byte[]> stream = CommandStream.generate(seed, commands);
        final long journaledAtKill;
        final Sequencer.RecoveryReport report;
        final List<EventLogCollector.Logged> log;
        try (Sequencer sequencer = Sequencer.start(CrashChild.config(dataDir, snapshotInterval), CrashChild.INSTRUMENTS,
            new SystemEpochNanoClock())) {
            report = sequencer.recovery();
            journaledAtKill = sequencer.commands().lastSequence();
            for (int i = (int) journaledAtKill; i < stream.size(); i++) {
                sequencer.commands().append(TestCommands.copyOf(stream.get(i)));
            }
            if (!sequencer.awaitApplied(60, TimeUnit.SECONDS)) {
                throw new AssertionError("restarted sequencer did not catch up: " + sequencer.failure());
            }
            log = EventLogCollector.readAll(sequencer.eventLog());
        }
        check(dataDir, acknowledged, log);
        return new Outcome(journaledAtKill, acknowledged.size(), report.replayedCommands(), stream.size(), log.size());
    }

    /** The line a child prints for an acknowledged order: its end mark tells a whole line from a cut one. */
    static String ackLine(final long orderId) {
        return "A " + orderId + " .";
    }

    /**
     * The orders the child's lines say were acknowledged. SIGKILL can cut the child's last write to the
     * pipe in the middle of a line (when the pipe is full, as on a loaded machine): "A 1157 ." arriving as
     * "A 115" would claim an order the child never saw (an order id is its command's sequence, so 115 may
     * be a cancel). Only lines with their end mark count.
     */
    static Set<Long> acknowledged(final List<String> lines) {
        final Set<Long> ids = new HashSet<>();
        for (final String line : lines) {
            if (line.startsWith("A ") && line.endsWith(" .")) {
                ids.add(Long.parseLong(line.substring(2, line.length() - 2)));
            }
        }
        return ids;
    }

    private static void check(final Path dataDir, final Set<Long> acknowledged, final List<EventLogCollector.Logged> log) {
        // 1. Nothing published twice: positions strictly increase; exec ids and match ids are unique.
        final Set<Long> execIds = new HashSet<>();
        final Set<Long> matchIds = new HashSet<>();
        final Set<Long> accepted = new HashSet<>();
        long previousSequence = -1;
        int previousIndex = -1;
        for (final EventLogCollector.Logged e : log) {
            if (e.commandSequence() < previousSequence
                || (e.commandSequence() == previousSequence && e.eventIndex() != previousIndex + 1)) {
                throw new AssertionError("event log out of order or repeated at " + e);
            }
            if (e.commandSequence() != previousSequence && e.eventIndex() != 0) {
                throw new AssertionError("command " + e.commandSequence() + " starts at event " + e.eventIndex());
            }
            previousSequence = e.commandSequence();
            previousIndex = e.eventIndex();
            final Event event = e.event();
            if (event instanceof TradeEvent t) {
                unique(matchIds, t.matchId(), "match id");
                unique(execIds, t.buy().execId(), "exec id");
                unique(execIds, t.sell().execId(), "exec id");
            } else if (event instanceof OrderEvent o && o.execId() != 0) {
                unique(execIds, o.execId(), "exec id");
            }
            if (event.type() == EventType.ACCEPTED) {
                unique(accepted, ((AcceptedEvent) event).orderId(), "accepted order");
            }
        }
        // 2. Every order acknowledged before the kill is in the log, once.
        for (final long id : acknowledged) {
            if (!accepted.contains(id)) {
                throw new AssertionError("order " + id + " was acknowledged before the kill and is lost");
            }
        }
        // 3. The log equals a replay of the journal through a fresh engine: same events, same books.
        final RecordedEvents replay = new RecordedEvents();
        final MatchingEngine engine = new MatchingEngine(CrashChild.INSTRUMENTS,
            CrashChild.config(dataDir, 0).engine(), replay);
        try (CommandJournal journal = CommandJournal.open(dataDir.resolve("journal"), Durability.PAGE_CACHE,
            new SystemEpochNanoClock()); JournalReader reader = journal.newReader()) {
            final List<Long> sequences = new ArrayList<>();
            final List<Integer> indexes = new ArrayList<>();
            while (reader.read((record, length, index) -> {
                final long sequence = record.getLong(8);
                final int before = replay.size();
                engine.onCommand(record, 0);
                for (int i = before; i < replay.size(); i++) {
                    sequences.add(sequence);
                    indexes.add(i - before);
                }
            })) {
                // read the whole journal
            }
            if (replay.size() != log.size()) {
                throw new AssertionError("event log has " + log.size() + " events, a replay of the journal " + replay.size());
            }
            for (int i = 0; i < log.size(); i++) {
                final EventLogCollector.Logged expected = new EventLogCollector.Logged(sequences.get(i), indexes.get(i),
                    replay.bytes(i));
                if (!expected.equals(log.get(i))) {
                    throw new AssertionError("event " + i + " differs from the replay: " + log.get(i) + " vs " + expected);
                }
            }
        }
    }

    private static void unique(final Set<Long> seen, final long id, final String what) {
        if (!seen.add(id)) {
            throw new AssertionError(what + " " + id + " published twice");
        }
    }

}
