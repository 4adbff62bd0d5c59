package exchange.marketdata;

import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.subscriber.FeedSubscriber;
import exchange.marketdata.subscriber.ItchSequencedDispatcher;
import exchange.marketdata.subscriber.PacketDropPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code md-listen}: joins the market-data feed, rebuilds the books and prints every trade and every
 * change of the top of book per instrument, with the feed sequence number. Settings come from the
 * {@code exchange.md.*} system properties and their defaults ({@link MarketDataConfig}); the options
 * override them. Exits 0 once the session has ended and every message was received, unless
 * {@code --no-exit-at-end-of-session}.
 */
@Command(
    name = "md-listen",
    mixinStandardHelpOptions = true,
    description = "Joins the ITCH 5.0 / MoldUDP64 market-data feed and prints trades and top of book as they change.")
public final class MdListen implements Callable<Integer> {
    @Option(names = "--group", paramLabel = "ADDRESS", description = "Multicast group (default: ${sys:exchange.md.group:-239.192.0.1}).")
    String group;

    @Option(names = "--port", description = "Feed port (default: ${sys:exchange.md.port:-30001}).")
    Integer port;

    @Option(names = "--interface", paramLabel = "NAME", description = "Network interface to join on (default: ${sys:exchange.md.interface:-lo}).")
    String networkInterface;

    @Option(names = "--rerequest", paramLabel = "HOST:PORT", description = "Re-request server (default: ${sys:exchange.md.rerequest.address:-127.0.0.1:30002}).")
    String rerequest;

    @Option(names = "--session", description = "Session to follow (default: the first one seen).")
    String session;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1", description = "Price levels shown per side (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--exit-at-end-of-session", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Exit once the session has ended and is complete (default: ${DEFAULT-VALUE}).")
    boolean exitAtEndOfSession;

    private final PrintStream out;
    private final PrintStream err;

    MdListen(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with the given streams; returns the exit code. */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        return new CommandLine(new MdListen(out, err))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                err.println("md-listen: " + ex.getMessage());
                return 2;
            })
            .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (depth < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--depth must be at least 1");
        }
        final MarketDataConfig config = resolveConfig();
        err.println(config.describe());
        final BookPrinter printer = new BookPrinter(out, depth);
        final ItchSequencedDispatcher dispatcher = new ItchSequencedDispatcher(new OrderBookBuilder(printer, 1 << 16));
        printer.sequenceFrom(dispatcher);
        try (FeedSubscriber subscriber = FeedSubscriber.start(
            config, session == null ? null : MoldSession.of(session), dispatcher, PacketDropPolicy.NONE)) {
            while (!(exitAtEndOfSession && subscriber.isComplete())) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                if (Thread.interrupted()) {
                    return 130;
                }
            }
            err.println("end of session; last sequence " + subscriber.deliveredUpTo());
        }
        out.flush();
        return 0;
    }

    private MarketDataConfig resolveConfig() {
        MarketDataConfig config = MarketDataConfig.fromSystemProperties();
        if (group != null) {
            config = config.with(MarketDataConfig.GROUP, group);
        }
        if (port != null) {
            config = config.with(MarketDataConfig.PORT, port.toString());
        }
        if (networkInterface != null) {
            config = config.with(MarketDataConfig.INTERFACE, networkInterface);
        }
        if (rerequest != null) {
            config = config.with(MarketDataConfig.REREQUEST_ADDRESS, rerequest);
        }
        return config;
    }
}
