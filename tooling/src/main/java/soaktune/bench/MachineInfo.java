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
        return cpuMillis("self", 13); // cutime and cstime are fields 16 and 17
    }

    /** CPU time (user + system) a process has used so far, in ms (Linux /proc/PID/stat, 10 ms ticks). */
    public static Optional<Long> processCpuMillis(long pid) {
        return cpuMillis(Long.toString(pid), 11); // utime and stime are fields 14 and 15
    }

    /** Two adjacent tick counts of /proc/PROC/stat, summed, in ms; {@code at} counts from the state (field 3). */
    private static Optional<Long> cpuMillis(String proc, int at) {
        try {
            String stat = Files.readString(Path.of("/proc/" + proc + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(f[at]) + Long.parseLong(f[at + 1])) * 10);
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
