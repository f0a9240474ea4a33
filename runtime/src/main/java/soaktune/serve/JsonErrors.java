package soaktune.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach {@link TuneServer} (431 headers too large, 400 a malformed request
 * line) get the server's JSON error body, not Jetty's HTML page: a client parses one shape for every error.
 */
final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        Object reason = request.getAttribute(ERROR_MESSAGE);
        String message = status == 431 ? "request headers are larger than " + TuneServer.MAX_HEADER_BYTES + " bytes"
                : reason == null ? "HTTP " + status : reason.toString();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(TuneServer.error(message, null)), callback);
        return true;
    }
}
