package soaktune.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * An open-loop HTTP load generator: request i is due at {@code start + i / rate}, whatever happened to
 * earlier ones, and its latency is counted from that due time (so a stall delays every request behind it
 * and shows in the percentiles, instead of silently lowering the rate: no coordinated omission). Requests
 * are spread round-robin over a few keep-alive connections, each driven by its own thread.
 *
 * <p>It speaks just enough HTTP/1.1 over a plain socket (one fixed POST, responses with Content-Length):
 * a general client library costs tens of microseconds per request on the client side, which would blur a
 * 100-microsecond target.
 */
public final class HttpLoad {
    /** What one run measured. Latencies in nanoseconds. */
    public record Result(long sent, long ok, long errors, double seconds, Percentiles fromDue, Percentiles fromSend,
            String firstError) {
        public double rate() {
            return sent / seconds;
        }
    }

    private final URI uri;
    private final byte[] request;

    public HttpLoad(URI uri, byte[] body) {
        this.uri = uri;
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        this.request = ByteBuffer.allocate(h.length + body.length).put(h).put(body).array();
    }

    /**
     * @param rate        requests per second, all connections together
     * @param seconds     how long to send
     * @param connections keep-alive connections (and threads)
     */
    public Result run(int rate, double seconds, int connections) throws InterruptedException {
        int total = (int) Math.max(1, Math.round(rate * seconds));
        long interval = Math.round(1e9 / rate);
        long[] fromDue = new long[total];
        long[] fromSend = new long[total];
        boolean[] done = new boolean[total];
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 20_000_000; // 20 ms for the threads to connect
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread t = new Thread(() -> drive(first, connections, total, start, interval, fromDue, fromSend, done,
                    errors, firstError), "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int[] ok = IntStream.range(0, total).filter(i -> done[i]).toArray();
        return new Result(total, ok.length, errors.get(), elapsed, percentiles(ok, fromDue), percentiles(ok, fromSend),
                firstError.get());
    }

    /** The latencies of the requests that succeeded. */
    private static Percentiles percentiles(int[] ok, long[] nanos) {
        return new Percentiles(Arrays.stream(ok).mapToDouble(i -> nanos[i]).toArray());
    }

    private void drive(int first, int step, int total, long start, long interval, long[] fromDue, long[] fromSend,
            boolean[] done, AtomicLong errors, AtomicReference<String> firstError) {
        Connection conn = null;
        byte[] buffer = new byte[64 * 1024];
        for (int i = first; i < total; i += step) {
            long due = start + i * interval;
            waitUntil(due);
            long sent = System.nanoTime();
            try {
                if (conn == null) {
                    conn = new Connection(uri);
                }
                int status = conn.exchange(request, buffer);
                long end = System.nanoTime();
                if (status == 200) {
                    fromDue[i] = end - due;
                    fromSend[i] = end - sent;
                    done[i] = true;
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "HTTP " + status);
                }
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
                Connection.close(conn);
                conn = null;
            }
        }
        Connection.close(conn);
    }

    /** Parks until shortly before the due time, then spins: park alone overshoots by tens of microseconds. */
    private static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 100_000) {
            LockSupport.parkNanos(left - 80_000);
        }
        while (due - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
    }

    /** One keep-alive connection: writes the request, reads one response (status line, headers, body). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(URI uri) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request, byte[] buffer) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    String name = h.substring(0, colon).trim();
                    String value = h.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                        close = true;
                    }
                }
            }
            if (length < 0) {
                throw new IOException("response without Content-Length");
            }
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("connection closed mid-body");
                }
                left -= n;
            }
            if (close) {
                throw new IOException("server closed the connection (HTTP " + code + ")");
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        static void close(Connection conn) {
            try {
                if (conn != null) {
                    conn.socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
