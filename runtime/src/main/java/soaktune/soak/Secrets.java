package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import soaktune.io.InputException;
import soaktune.io.Json;

/**
 * Live mode runs beside a bot that trades with real credentials: they must be present (env or a secrets
 * file) unless {@code MM_ALLOW_MISSING_SECRETS=1} asks for safe mode. Only presence is checked; the values
 * are never printed, logged or written anywhere.
 */
public final class Secrets {
    public static final String KEY_ENV = "MM_API_KEY";
    public static final String SECRET_ENV = "MM_API_SECRET";
    public static final String ALLOW_MISSING_ENV = "MM_ALLOW_MISSING_SECRETS";

    /** Where the credentials were found: env, file, or none (safe mode). */
    public enum Status { ENV, FILE, SAFE_MODE }

    private Secrets() {
    }

    public static Status check(Map<String, String> env, Optional<Path> secretsFile) throws InputException {
        if (present(env.get(KEY_ENV)) && present(env.get(SECRET_ENV))) {
            return Status.ENV;
        }
        if (secretsFile.isPresent()) {
            Path file = secretsFile.get();
            // Messages name fields only, never what is in them (JsonFields would quote a wrong value).
            JsonNode root = Json.readSecretFile(file);
            if (!root.isObject()) {
                throw new InputException(file.toString(), "must be a JSON object {\"api_key\": ..., \"api_secret\": ...}");
            }
            for (String key : new String[] {"api_key", "api_secret"}) {
                JsonNode v = root.get(key);
                if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                    // Name the field, never echo what was there: it may be a secret.
                    throw new InputException(file.toString(), key, "is missing or empty");
                }
            }
            return Status.FILE;
        }
        if ("1".equals(env.get(ALLOW_MISSING_ENV))) {
            return Status.SAFE_MODE;
        }
        throw new InputException("live mode", "needs " + KEY_ENV + " and " + SECRET_ENV + " (or --secrets-file); set "
                + ALLOW_MISSING_ENV + "=1 to run in safe mode without them");
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
