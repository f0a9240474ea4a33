package soaktune.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("dev" when run from classes, e.g. in tests). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"soaktune " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version")
                + ")"};
    }
}
