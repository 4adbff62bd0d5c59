package exchange.server;

import exchange.operations.json.JsonReader;
import exchange.operations.json.JsonWriter;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, the JDK's client): open a page,
 * evaluate JavaScript in it, answer its dialogs, take a screenshot. For the console's browser test.
 * The browser runs in its own temporary profile and is killed, with its children, on close.
 */
final class Chromium implements AutoCloseable {
    /** Set to {@code required} (as {@code .ci/run} does) to fail, not skip, when there is no Chromium. */
    static final String REQUIRED_VARIABLE = "EXCHANGE_BROWSER_TESTS";
    /** The browser to use, when it is not on the PATH as chromium, chromium-browser or google-chrome. */
    static final String BINARY_VARIABLE = "EXCHANGE_CHROMIUM";

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Map<String, Object>>> eventListeners = new CopyOnWriteArrayList<>();

    /** @return the browser's binary, if there is one */
    static Optional<Path> find() {
        final String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        final String path = System.getenv().getOrDefault("PATH", "");
        for (final String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (final String dir : path.split(File.pathSeparator)) {
                final Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Chromium(final Process process, final String webSocketUrl) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create(webSocketUrl), new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Starts the browser with an empty profile in {@code profile}. */
    static Chromium start(final Path binary, final Path profile) throws Exception {
        final List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-crash-reporter", "--hide-scrollbars", "--mute-audio",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank");
        final Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final CompletableFuture<String> url = new CompletableFuture<>();
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    lines.add(line);
                    final int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        url.complete(line.substring(at).trim());
                    }
                }
            } catch (final IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("Chromium stopped: " + String.join("\n", lines)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, url.get(60, TimeUnit.SECONDS));
        } catch (final Exception e) {
            kill(process);
            throw e;
        }
    }

    /** One page (a target with its own session). */
    final class Page {
        private final String session;
        private final List<String> dialogs = new CopyOnWriteArrayList<>();
        private volatile boolean acceptDialogs;

        private Page(final String session) {
            this.session = session;
            eventListeners.add(event -> {
                if ("Page.javascriptDialogOpening".equals(event.get("method")) && session.equals(event.get("sessionId"))) {
                    dialogs.add((String) ((Map<?, ?>) event.get("params")).get("message"));
                    send(session, "Page.handleJavaScriptDialog", Map.of("accept", acceptDialogs));
                }
            });
        }

        /** @return the value of a JavaScript expression in the page (numbers, strings, booleans, null) */
        Object evaluate(final String expression) throws Exception {
            final Map<String, Object> result = call(session, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            final Map<?, ?> r = (Map<?, ?>) result.get("result");
            if (result.get("exceptionDetails") != null) {
                throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
            }
            return r.get("value");
        }

        /** From now on, confirm() and alert() dialogs are answered OK (true) or Cancel (false). */
        void answerDialogs(final boolean ok) {
            acceptDialogs = ok;
        }

        /** @return the messages of the dialogs the page opened, in order */
        List<String> dialogs() {
            return dialogs;
        }

        /** @return a PNG of the page at this width and height (CSS pixels) */
        byte[] screenshot(final int width, final int height) throws Exception {
            call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            final Map<String, Object> shot = call(session, "Page.captureScreenshot", Map.of("format", "png"));
            return Base64.getDecoder().decode((String) shot.get("data"));
        }
    }

    /** Opens a page at the address, with dialogs handled by it. */
    Page open(final String url) throws Exception {
        final String target = (String) call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        final String session = (String) call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId");
        final Page page = new Page(session);
        call(session, "Page.enable", Map.of());
        call(session, "Page.navigate", Map.of("url", url));
        return page;
    }

    private Map<String, Object> call(final String session, final String method, final Map<String, Object> params)
        throws Exception {
        final int id = ids.incrementAndGet();
        final CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        send(session, method, params, id);
        final Map<String, Object> message = answer.get(30, TimeUnit.SECONDS);
        if (message.get("error") != null) {
            throw new IllegalStateException(method + ": " + message.get("error"));
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> result = (Map<String, Object>) message.get("result");
        return result;
    }

    private void send(final String session, final String method, final Map<String, Object> params) {
        send(session, method, params, ids.incrementAndGet());
    }

    private synchronized void send(final String session, final String method, final Map<String, Object> params, final int id) {
        final JsonWriter w = new JsonWriter().beginObject().field("id", id).field("method", method);
        if (session != null) {
            w.field("sessionId", session);
        }
        w.name("params").beginObject();
        params.forEach((name, value) -> {
            w.name(name);
            if (value instanceof Boolean b) {
                w.value(b);
            } else if (value instanceof Integer i) {
                w.value(i);
            } else {
                w.value((String) value);
            }
        });
        w.endObject().endObject();
        socket.sendText(w.toString(), true).join();
    }

    /** Reads the protocol's messages: answers complete their calls, events go to the listeners. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            text.append(data);
            if (last) {
                final Map<String, Object> message = JsonReader.parseObject(text.toString());
                text.setLength(0);
                final Object id = message.get("id");
                if (id != null) {
                    final CompletableFuture<Map<String, Object>> answer =
                        pending.remove(((BigDecimal) id).intValueExact());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else {
                    eventListeners.forEach(l -> l.accept(message));
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
    }

    private static void kill(final Process process) {
        final List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
