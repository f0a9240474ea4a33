package soaktune.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import soaktune.io.Json;

/** Live mode {@code --source http://127.0.0.1:PORT/path}: polls the strategy's HTTP endpoint for its report. */
public final class HttpPollSource extends LivePoller {
    private final URI uri;
    private final HttpClient client;

    public HttpPollSource(URI uri, Duration timeout, Duration pollEvery) {
        super(timeout, pollEvery);
        this.uri = uri;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    protected byte[] fetch() throws NoReportException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return null;
                }
                byte[] bytes = body.readNBytes((int) Json.MAX_FILE_BYTES + 1);
                if (bytes.length > Json.MAX_FILE_BYTES) {
                    throw new NoReportException("oversized_report", uri + " answered more than " + Json.MAX_FILE_BYTES
                            + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            return null; // the bot may be restarting; keep polling until the timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoReportException("stop_requested", "interrupted while polling " + uri);
        }
    }

    @Override
    protected String where() {
        return uri.toString();
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}
