package exchange.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The exchange in a child JVM, as {@code bin/exchange} runs it (the same main class and arguments),
 * with the JVM flags this test JVM has: so that a test can kill it with SIGKILL and start it again.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private ServerProcess(final Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (final IOException ignored) {
                // the process went away
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return a TCP port nobody listens on right now */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The module flags (opens, exports, Chronicle's switches) this JVM was started with (Surefire's argLine). */
    static List<String> jvmFlags() {
        final List<String> flags = new ArrayList<>();
        for (final String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-Dchronicle.") || a.startsWith("-Djava.net.")) {
                flags.add(a);
            }
        }
        return flags;
    }

    /**
     * Starts {@code ExchangeServer --config configDir} with the data in {@code dataDir} and every FIX
     * session on {@code port}, and waits until it says it is ready.
     */
    static ServerProcess start(final Path configDir, final Path dataDir, final int port) throws Exception {
        final ServerProcess server = launch(configDir, dataDir, port, List.of());
        server.awaitLine("exchange ready", 60_000);
        return server;
    }

    /**
     * Starts {@code ExchangeServer --config configDir} as {@link #start} does, with more settings ({@code -D...}),
     * without waiting for it to be ready.
     */
    static ServerProcess launch(final Path configDir, final Path dataDir, final int port, final List<String> settings)
        throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-D" + ExchangeConfig.DATA_DIR + "=" + dataDir);
        command.add("-D" + ExchangeConfig.FIX_PORT + "=" + port);
        command.add("-Dexchange.md.port=" + ShippedConfig.freeUdpPort());
        command.add("-Dexchange.md.rerequest.address=127.0.0.1:" + ShippedConfig.freeUdpPort());
        command.add("-Dexchange.log.dir=" + dataDir.resolveSibling("logs"));
        command.add("-Dlogback.configurationFile=" + configDir.resolve("logback.xml"));
        command.addAll(settings);
        command.add(ExchangeServer.class.getName());
        command.add("--config");
        command.add(configDir.toString());
        return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(final long timeoutMs) throws InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the exchange did not end within " + timeoutMs + " ms; its output:\n"
                + String.join("\n", output()));
        }
        reader.join(5_000); // the rest of its output
        return process.exitValue();
    }

    /** Waits for a line of the server's console output that contains the text. */
    void awaitLine(final String text, final long timeoutMs) throws InterruptedException {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (output) {
            while (output.stream().noneMatch(l -> l.contains(text))) {
                final long left = deadline - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("the exchange did not print '" + text + "'; its output:\n"
                        + String.join("\n", output));
                }
                output.wait(Math.min(left, 100));
            }
        }
    }

    /** @return the console output so far */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no logout. */
    void kill() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
    }

    /** SIGTERM, as an operator stops it; waits for the process to end. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the exchange did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
