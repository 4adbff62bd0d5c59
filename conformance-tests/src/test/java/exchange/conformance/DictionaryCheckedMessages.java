package exchange.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import quickfix.SLF4JLog;

/**
 * Every message the exchange sends, as its QuickFIX/J message log has it (the exact string handed to
 * the connection: administrative messages, resends and drop copies included, and what a script closed
 * its connection too early to read), checked script by script against the dictionary of the message's
 * FIX version as a broker's engine would check it ({@link BrokerDictionaries}).
 *
 * <p>The exchange runs in this JVM, so its log is read as it is written: an appender on QuickFIX/J's
 * outgoing-message logger. After each script, {@link #afterScript} waits until the exchange has done
 * everything the script caused (what the next script waits for anyway), so each message is put down
 * to the script that caused it. Thread-safe: sessions log from their own threads.
 */
final class DictionaryCheckedMessages implements AutoCloseable {
    /** How long the exchange may take to finish what a script caused. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

    private final ExchangeUnderTest exchange;
    private final BrokerDictionaries dictionaries = new BrokerDictionaries();
    private final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    private final Logger outgoingLog = (Logger) LoggerFactory.getLogger(SLF4JLog.DEFAULT_OUTGOING_MSG_CATEGORY);
    private final Level levelBefore = outgoingLog.getLevel();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getFormattedMessage());
        }
    };
    private final List<String> problems = new ArrayList<>();
    private int checked;

    /** Starts reading the exchange's outgoing messages; nothing the exchange sent before is kept. */
    DictionaryCheckedMessages(ExchangeUnderTest exchange) {
        this.exchange = exchange;
        if (!outgoingLog.isInfoEnabled()) {
            outgoingLog.setLevel(Level.INFO);
        }
        appender.setName("dictionary-check");
        appender.setContext(outgoingLog.getLoggerContext());
        appender.start();
        outgoingLog.addAppender(appender);
    }

    /**
     * Waits for the exchange to finish what the script caused, then checks every message it sent
     * since the previous script. Also checks that each message the script received is among them, so
     * that a log that misses messages cannot pass for a clean one.
     */
    void afterScript(ScriptResult result) {
        afterScripts(List.of(result));
    }

    /**
     * As {@link #afterScript}, for scripts played at the same time: the messages sent since the previous
     * check are put down to all of them together.
     */
    synchronized void afterScripts(List<ScriptResult> results) {
        try {
            exchange.awaitReadyForNewConnection(SETTLE_TIMEOUT);
        } catch (TimeoutException e) {
            // only after a script that failed; its last messages may be put down to the next script
        }
        String names = results.stream().map(ScriptResult::name).collect(Collectors.joining(" + "));
        Set<String> sent = new HashSet<>();
        String entry;
        while ((entry = logged.poll()) != null) {
            // SLF4JLog writes "FIX.4.4:EXCH->BROKER1: 8=FIX.4.4|..." (SLF4JLogPrependSessionID, the default)
            int start = entry.startsWith("8=") ? 0 : entry.indexOf(": 8=") + 2;
            String session = start == 0 ? "" : " (" + entry.substring(0, start - 2) + ")";
            String message = entry.substring(start);
            sent.add(FixFraming.display(message));
            checked++;
            String refusal = dictionaries.refusal(message);
            if (refusal != null) {
                problems.add(names + session + ": " + refusal + "\n    in " + FixFraming.display(message));
            }
        }
        for (ScriptResult result : results) {
            for (String line : result.transcript()) {
                int mark = line.indexOf("< ");
                if (mark > 0 && line.substring(0, mark).matches("\\d+") && !sent.contains(line.substring(mark + 2))) {
                    problems.add(result.name() + ": received a message the exchange's message log does not have: "
                            + line.substring(mark + 2));
                }
            }
        }
    }

    /**
     * The messages a broker's engine would refuse since the last call, one entry each (the script,
     * QuickFIX/J's reason, the message), and forgets them: each suite's test reports its own.
     *
     * @throws IllegalStateException when no message at all was checked since the last call: then the
     *                               log was not read, and an empty answer would prove nothing
     */
    synchronized List<String> takeProblems() {
        if (checked == 0) {
            throw new IllegalStateException("no message of the exchange was checked: is logger "
                    + SLF4JLog.DEFAULT_OUTGOING_MSG_CATEGORY + " switched off?");
        }
        List<String> taken = List.copyOf(problems);
        problems.clear();
        checked = 0;
        return taken;
    }

    @Override
    public void close() {
        outgoingLog.detachAppender(appender);
        appender.stop();
        outgoingLog.setLevel(levelBefore);
    }
}
