package soaktune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a benchmark's figures depend on: cores, JVM, and how busy the machine was (Linux load average). */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static String describe() {
        return "cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.name") + ") load=" + loadAverage().orElse("?");
    }

    /** The 1-, 5- and 15-minute load averages, when /proc has them. */
    public static Optional<String> loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Optional.of(parts[0] + " " + parts[1] + " " + parts[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU time this process's reaped children have used, in ms (Linux /proc/self/stat cutime + cstime, at
     * clock-tick resolution, 10 ms); empty elsewhere.
     */
    public static Optional<Long> childCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17
            long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return Optional.of(ticks * 10);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU time (user + system) a process has used so far, in ms (Linux /proc/PID/stat, 10 ms ticks). */
    public static Optional<Long> processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A field of /proc/PID/status in kB (VmRSS, VmHWM); empty when unavailable. */
    public static Optional<Long> procStatusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
