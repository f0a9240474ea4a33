package soaktune.cli;

/**
 * Every exit code soaktune returns, in one place (documented in docs/operations.md and the README).
 */
public final class ExitCodes {
    /** Success; for kpi-gate and --gate-final: the verdict is OK. */
    public static final int OK = 0;
    /** A check failed: KPI gate WARN/FAIL, failing rule tests, rule check errors. */
    public static final int FAILED = 1;
    /** Bad command line or bad input (a file, a field, an environment variable). */
    public static final int INVALID_INPUT = 2;
    /** The KPI gate could not judge: a metric missing or too few fills. */
    public static final int INCONCLUSIVE = 3;
    /** The rule set does not compile, fails the safety check, or failed while running. */
    public static final int RULES_INVALID = 4;
    /** Another tuner holds the artifacts folder. */
    public static final int LOCKED = 5;
    /** An artifact could not be written (disk full, permissions). */
    public static final int IO_ERROR = 6;
    /** A bug in soaktune itself; rerun with --verbose and report the stack trace. */
    public static final int INTERNAL = 70;
    /** Stopped by SIGINT (Ctrl-C). */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM. */
    public static final int TERMINATED = 143;

    /** The README's table, shown under "Exit codes:" in the help of every command that does not list its own. */
    static final java.util.Map<String, String> HELP = help();

    private ExitCodes() {
    }

    private static java.util.Map<String, String> help() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(OK + "", "success");
        m.put(FAILED + "", "a check failed (KPI gate WARN/FAIL, failing rule tests, rule check errors)");
        m.put(INVALID_INPUT + "", "bad command line or bad input (the message names the file and field)");
        m.put(INCONCLUSIVE + "", "KPI gate inconclusive");
        m.put(RULES_INVALID + "", "rule set does not compile, fails the safety check, or failed while running");
        m.put(LOCKED + "", "another tuner holds the artifacts folder");
        m.put(IO_ERROR + "", "an artifact could not be written");
        m.put(INTERNAL + "", "internal error (rerun with --verbose)");
        m.put(INTERRUPTED + "/" + TERMINATED, "stopped by SIGINT / SIGTERM");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Adds {@link #HELP} to every command's help that does not already say "Exit codes" in its description. */
    static void addToHelp(picocli.CommandLine cli) {
        String description = String.join(" ", cli.getCommandSpec().usageMessage().description());
        if (!description.contains("Exit codes")) {
            cli.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(HELP);
        }
        cli.getSubcommands().values().forEach(ExitCodes::addToHelp);
    }
}
