package soaktune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
     * clock-tick resolution, 10 ms); empty elsewhere. The JDK has no call for it.
     */
    public static Optional<Long> childCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is the state, field 3
            return Optional.of((Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10); // fields 16 and 17
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU time (user + system) a process has used so far, in ms; empty when the system does not say. */
    public static Optional<Long> processCpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toMillis);
    }

    /** A field of /proc/PID/status in kB (VmRSS, VmHWM); empty when unavailable. */
    public static Optional<Long> procStatusKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith(field + ":")).findFirst()
                    .map(l -> Long.parseLong(l.substring(field.length() + 1).trim().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
