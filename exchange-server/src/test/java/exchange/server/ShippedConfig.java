package exchange.server;

import exchange.fix.testing.FixTestClient;
import exchange.operations.OperationsConfig;
import exchange.sequencer.NoonZone;
import exchange.sequencer.TradingSchedule;
import quickfix.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The configuration folder the repository ships ({@code config/}), copied for a test, and the demo
 * credentials the README gives.
 */
final class ShippedConfig {
    static final Path REPOSITORY_CONFIG = Path.of("..", "config");

    private ShippedConfig() {
    }

    /**
     * Copies {@code config/} into {@code target}, with the admin API on any free port (tests never take the
     * shipped port, which a running exchange or another build may hold) and the schedule's time zone one where it
     * is about noon now; returns the copy. The shipped schedule closes at 23:55 UTC and ends the day at 23:56: a
     * build that ran a test then found the market closed and its orders refused.
     */
    static Path copyTo(final Path target) {
        try (Stream<Path> files = Files.list(REPOSITORY_CONFIG)) {
            Files.createDirectories(target);
            for (final Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            set(target.resolve(ExchangeConfig.FILE_NAME), OperationsConfig.PORT, "0");
            set(target.resolve(ExchangeConfig.FILE_NAME), TradingSchedule.ZONE, NoonZone.now().getId());
            return target;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a setting of a properties file a value: its line (one that starts with the name and {@code =}, {@code :}
     * or a space) taken out, a line with the new value added at the end. Appending alone would give it twice, which
     * the exchange refuses.
     */
    static void set(final Path file, final String name, final String value) {
        try {
            final StringBuilder text = new StringBuilder();
            for (final String line : Files.readAllLines(file)) {
                final String start = line.stripLeading();
                if (!start.startsWith(name) || !(start.length() == name.length()
                    || "=: \t".indexOf(start.charAt(name.length())) >= 0)) {
                    text.append(line).append('\n');
                }
            }
            Files.writeString(file, text.append(name).append('=').append(value).append('\n'));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Settings that keep a test's exchange to itself: its data in {@code dir/data}, the FIX port and the
     * market-data ports free ones (a developer's own exchange may be running on the defaults).
     */
    static java.util.Map<String, String> isolated(final Path dir) {
        return java.util.Map.of(ExchangeConfig.DATA_DIR, dir.resolve("data").toString(), ExchangeConfig.FIX_PORT, "0",
            "exchange.md.port", Integer.toString(freeUdpPort()),
            "exchange.md.rerequest.address", "127.0.0.1:" + freeUdpPort());
    }

    static int freeUdpPort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (final java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped demo operator's token ({@code config/admin.tokens}). */
    static final String ADMIN_TOKEN = "demo-admin-token-change-me";

    /** Connects a demo session and waits until it is logged on. */
    static FixTestClient loggedOn(final int port, final String compId, final Path clientStores) throws InterruptedException {
        final FixTestClient client = connect(port, compId, clientStores);
        if (!client.awaitLogon(Duration.ofSeconds(15))) {
            client.close();
            throw new AssertionError(compId + " did not log on");
        }
        return client;
    }

    /** Sends an order and expects it acknowledged (ExecutionReport, ExecType 0 New). */
    static void accepted(final FixTestClient client, final Message order) throws Exception {
        client.send(order);
        final Message ack = client.next("8", Duration.ofSeconds(15));
        if (ack.getChar(150) != '0') {
            throw new AssertionError("not accepted: " + ack);
        }
    }

    /** Connects a demo session of the shipped configuration with its README credentials. */
    static FixTestClient connect(final int port, final String compId, final Path clientStores) {
        final String user = switch (compId) {
            case "BROKER1", "BROKER1-42" -> "broker1";
            case "BROKER2", "BROKER2-50" -> "broker2";
            case "DROPCOPY" -> "dropcopy";
            default -> null;
        };
        final String begin = compId.endsWith("-42") ? "FIX.4.2" : compId.endsWith("-50") ? "FIXT.1.1" : "FIX.4.4";
        final boolean credentials = !"FIX.4.2".equals(begin);
        return FixTestClient.start(new FixTestClient.Options(begin, compId, "EXCH", port,
            credentials ? user : null, credentials ? user + "-demo" : null, clientStores.resolve(compId)));
    }
}
