package soaktune.cli;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import soaktune.io.InputException;
import soaktune.io.ProfileLoader;
import soaktune.model.Profile;

/** {@code --profile NAME|FILE}; wins over {@code MM_PROFILE}; S1 when neither is set. */
public final class ProfileOption {
    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "Profile name (built in: S1) or a profile JSON file. Default: $MM_PROFILE, else S1.")
    String profile;

    Profile resolve(Map<String, String> env) throws InputException {
        return ProfileLoader.resolve(Optional.ofNullable(profile), env);
    }
}
