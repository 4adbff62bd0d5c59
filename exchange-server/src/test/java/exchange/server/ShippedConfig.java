package exchange.server;

import exchange.fix.testing.FixTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The configuration folder the repository ships ({@code config/}), copied for a test, and the demo
 * credentials the README gives.
 */
final class ShippedConfig {
    static final Path REPOSITORY_CONFIG = Path.of("..", "config");

    private ShippedConfig() {
    }

    /** Copies {@code config/} into {@code target}; returns the copy. */
    static Path copyTo(final Path target) {
        try (Stream<Path> files = Files.list(REPOSITORY_CONFIG)) {
            Files.createDirectories(target);
            for (final Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
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
