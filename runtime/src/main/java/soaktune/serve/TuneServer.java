package soaktune.serve;

import com.sun.net.httpserver.HttpExchange;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.model.MissingMetricException;
import soaktune.model.Profile;
import soaktune.tuning.DecisionJson;
import soaktune.tuning.Markers;
import soaktune.tuning.ReloadMarker;
import soaktune.rules.engine.DecisionTimeoutException;
import soaktune.rules.engine.HotRules;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.engine.RuleSet;
import soaktune.tuning.Decision;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningStep;

/**
 * The resident tuner: an HTTP server (Jetty, behind the JDK's {@code com.sun.net.httpserver} API) that keeps a compiled rule base and answers
 * {@code POST /v1/tune} with one decision, {@code GET /healthz} with the rules in use. Rules are reloaded
 * by a background thread when their folder changes (as in {@code run}), so no request ever waits for a
 * compile; a request uses whichever rule set was current when it arrived. Requests are independent: the
 * server keeps no state between them (see {@link TuneRequest}).
 *
 * <p>Every failure becomes a JSON error response ({@code {"error": ..., "field": ...}}): 400 bad request
 * body, 404 unknown path, 405 wrong method, 413 body over 10 MB, 500 a rule failed while running, 503
 * rules not loaded yet, 431 request headers over {@value #MAX_HEADER_BYTES} bytes. Nothing a client sends can
 * stop the server: headers are parsed without holding a request thread, and a connection that sends nothing
 * for {@value #IDLE_TIMEOUT_MS} ms is closed, so slow clients (slowloris) cannot starve {@code /healthz}.
 */
public final class TuneServer implements AutoCloseable {
    public static final String TUNE_PATH = "/v1/tune";
    public static final String HEALTH_PATH = "/healthz";
    public static final long MAX_BODY_BYTES = Json.MAX_FILE_BYTES;
    /** Largest request line + headers accepted; a tune request needs well under 1 KB of them. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The most of an unwanted request body (404, 405) read to keep its connection open. */
    private static final int DISCARD_BYTES = 64 * 1024;

    /** A connection with no byte in either direction for this long is closed. */
    public static final long IDLE_TIMEOUT_MS = 5_000;
    /** Jetty's own threads beside the request threads: one acceptor, one selector. */
    private static final int JETTY_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(TuneServer.class);

    private final JettyHttpServer http;
    private final ServerConnector connector;
    private final ScheduledExecutorService reloader;
    private final Map<String, Profile> profiles;
    private final Clock clock;
    private final Markers markers;
    private final AtomicLong decisions = new AtomicLong();
    private volatile HotRules rules;
    private volatile Tuner tuner;

    private TuneServer(JettyHttpServer http, ServerConnector connector, Map<String, Profile> profiles, Clock clock,
            Markers markers) {
        this.http = http;
        this.connector = connector;
        this.profiles = Map.copyOf(profiles);
        this.clock = clock;
        this.markers = markers;
        this.reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soaktune-reload");
            t.setDaemon(true); // a reload in progress never keeps the JVM alive
            return t;
        });
    }

    /**
     * Binds and starts answering (503 until {@link #ready}).
     *
     * @param port    0 for any free port (see {@link #port()})
     * @param threads request threads (at least 1)
     */
    public static TuneServer start(String host, int port, int threads, Map<String, Profile> profiles, Clock clock,
            Markers markers) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(JETTY_THREADS + threads, JETTY_THREADS + 1);
        pool.setName("soaktune-http");
        pool.setReservedThreads(0); // every thread beyond Jetty's own serves requests
        Server jetty = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(128);
        jetty.addConnector(connector);
        jetty.setHandler(new ContextHandlerCollection()); // where the API adds its contexts
        jetty.setErrorHandler(new JsonErrors());
        // The connector above is the one the API binds to (same port), so its limits apply.
        JettyHttpServer http = new JettyHttpServer(jetty, false);
        http.bind(new InetSocketAddress(host, port), 128);
        TuneServer server = new TuneServer(http, connector, profiles, clock, markers);
        http.createContext("/", server::handle);
        try {
            http.start();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return server;
    }

    /** Starts deciding with these rules, and checks their folder for edits every {@code reloadMs} (0: never). */
    public void ready(HotRules hot, long reloadMs) {
        this.rules = hot;
        this.tuner = new Tuner(hot.current());
        if (reloadMs > 0) {
            reloader.scheduleWithFixedDelay(this::reload, reloadMs, reloadMs, TimeUnit.MILLISECONDS);
        }
    }

    /** One look at the rules folder; only the reload thread (or a test) calls it. */
    void reload() {
        try {
            rules.refresh().ifPresent(reload -> {
                ReloadMarker.print(markers, reload);
                if (reload.ok()) {
                    tuner = new Tuner(rules.current());
                }
            });
        } catch (RuntimeException e) {
            // A failed look must not end the schedule: the next one may succeed.
            LOG.warn("rules reload check failed: {}", e.toString());
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public long decisions() {
        return decisions.get();
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        http.stop(0);
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String allowed = TUNE_PATH.equals(path) ? "POST" : HEALTH_PATH.equals(path) ? "GET, HEAD" : null;
            if (allowed == null) {
                discardBody(exchange);
                send(exchange, 404, error("no such path: " + path + " (try POST " + TUNE_PATH + " or GET "
                        + HEALTH_PATH + ")", null));
            } else if (!List.of(allowed.split(", ")).contains(method)) {
                discardBody(exchange);
                exchange.getResponseHeaders().set("Allow", allowed);
                send(exchange, 405, error(method + " is not allowed here (allowed: " + allowed + ")", null));
            } else if (TUNE_PATH.equals(path)) {
                tune(exchange);
            } else {
                health(exchange, method.equals("HEAD"));
            }
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString()); // nothing left to answer
        } catch (RuntimeException | Error e) {
            LOG.error("request failed", e);
            try {
                send(exchange, 500, error("internal error: " + e, null));
            } catch (IOException | RuntimeException sendFailed) {
                // headers may already be out; the connection is closed either way
            }
        } finally {
            exchange.close();
        }
    }

    private void tune(HttpExchange exchange) throws IOException {
        Tuner current = tuner;
        if (current == null) {
            send(exchange, 503, error("rules are still loading", null));
            return;
        }
        byte[] body = body(exchange);
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            send(exchange, 413, error("request body is larger than " + MAX_BODY_BYTES + " bytes", null));
            return;
        }
        TuneRequest request;
        try {
            request = TuneRequest.parse(body, profiles);
        } catch (InputException e) {
            send(exchange, 400, error(e.getMessage(), e.field() == null || e.field().isEmpty() ? null : e.field()));
            return;
        }
        TuningStep.Result step;
        try {
            step = new TuningStep(request.metrics(), request.overrides(), request.profile(), request.memory(),
                    request.iteration(), request.healthyStreak()).take(current, Clocks.isoNow(clock));
        } catch (MissingMetricException e) {
            String field = "edge_report.totals." + e.metric();
            send(exchange, 400, error(TuneRequest.SOURCE + ": " + field + ": is missing, and the rules read it", field));
            return;
        } catch (RuleEvaluationException e) {
            // A timeout abandons only this request's decision: the server and its rule set stay healthy (503).
            send(exchange, e instanceof DecisionTimeoutException ? 503 : 500, error("rules failed: " + e.getMessage(),
                    null));
            return;
        }
        decisions.incrementAndGet();
        Decision decision = step.decision();
        send(exchange, 200, Json.toCompactBytes(Map.of("overrides", decision.after().toJson(), "explanation",
                DecisionJson.of(decision), "tuning_memory", step.memoryAfter(), "iteration", request.iteration(),
                "profile", request.profile().name(), "rules", rulesJson(current.ruleSet()))));
    }

    private void health(HttpExchange exchange, boolean head) throws IOException {
        Tuner current = tuner;
        int status = current == null ? 503 : 200;
        if (head) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            send(exchange, status, Json.toCompactBytes(current == null ? Map.of("status", "loading")
                    : Map.of("status", "ok", "rules", rulesJson(current.ruleSet()), "decisions", decisions.get())));
        }
    }

    private static Map<String, Object> rulesJson(RuleSet rules) {
        return Map.of("version", rules.version(), "sha256", rules.sha256());
    }

    /** The body, or null when it is over the limit (decided from Content-Length when the client sent one). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        // Jetty has refused a malformed Content-Length (400) before the request gets here.
        if (length != null && Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    /**
     * Reads and drops a small request body we answer without reading (404, 405), so the connection stays
     * usable: a body left unread makes the HTTP layer close the connection after the answer, and a keep-alive
     * client that sends its next request on it gets no reply. A larger body is not read: the connection closes.
     */
    private static void discardBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (in.readNBytes(DISCARD_BYTES + 1).length > DISCARD_BYTES) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
        }
    }

    /** Every error's body; {@code field} is written null when no one field is to blame. */
    private record ErrorBody(String error, String field) {
    }

    static byte[] error(String message, String field) {
        return Json.toCompactBytes(new ErrorBody(message, field));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
