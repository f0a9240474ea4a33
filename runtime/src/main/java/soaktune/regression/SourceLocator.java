package soaktune.regression;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds where a value sits in a YAML or JSON text, by its JSON pointer: Jackson's streaming parser knows
 * the path and location of every token, so a problem found on the parsed tree can still name its line.
 * Only called when there is a problem to report.
 */
final class SourceLocator {
    private SourceLocator() {
    }

    /** 1-based line and column of the key (or array element) at {@code pointer}; empty if not found. */
    static Optional<JsonLocation> locate(JsonFactory factory, byte[] text, JsonPointer pointer) {
        if (pointer.matches()) {
            return Optional.empty();
        }
        try (JsonParser p = factory.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext ctx = p.getParsingContext();
                // A value that opens an object or array has its own context; its path is its parent's.
                JsonStreamContext owner = (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
                        && ctx.getParent() != null ? ctx.getParent() : ctx;
                if (owner.pathAsPointer().equals(pointer)) {
                    return Optional.of(p.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
