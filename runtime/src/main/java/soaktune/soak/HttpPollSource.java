package soaktune.soak;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import soaktune.io.Json;

/** Live mode {@code --source http://127.0.0.1:PORT/path}: polls the strategy's HTTP endpoint for its report. */
public final class HttpPollSource extends LivePoller {
    /** One request never waits longer than this, even when the report timeout is longer. */
    private static final Duration MAX_REQUEST = Duration.ofSeconds(5);

    private final URI uri;
    private final HttpClient client;

    public HttpPollSource(URI uri, Duration timeout, Duration pollEvery) {
        super(timeout, pollEvery);
        this.uri = uri;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * The request's own timeout only covers the wait for the response headers; a body dripping a byte a
     * second would outlive it. So the whole exchange, body included, is one future with one deadline, and
     * the exchange is cancelled when it passes.
     */
    @Override
    protected byte[] fetch(long deadlineNanos) throws NoReportException {
        long budget = Math.min(MAX_REQUEST.toNanos(), Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                deadlineNanos - System.nanoTime()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(budget)).GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> info.statusCode() == 200 ? new BoundedBody(Json.MAX_FILE_BYTES)
                        : HttpResponse.BodySubscribers.replacing(null));
        try {
            byte[] bytes = exchange.get(budget, TimeUnit.NANOSECONDS).body();
            if (bytes != null && bytes.length > Json.MAX_FILE_BYTES) {
                throw new NoReportException("oversized_report", uri + " answered more than " + Json.MAX_FILE_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (TimeoutException | ExecutionException e) {
            exchange.cancel(true);
            return null; // too slow this time, or the bot may be restarting: keep polling until the report timeout
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoReportException("stop_requested", "interrupted while polling " + uri);
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    /** Collects at most {@code max + 1} bytes, then cancels the rest: an endless body cannot fill the heap. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[(int) Math.min(b.remaining(), max + 1 - bytes.size())];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() > max && !result.isDone()) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
