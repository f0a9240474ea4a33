package soaktune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the main code imports a package that imports it back, directly or through others. The graph
 * comes from the source: every {@code soaktune.<package>.<Type>} an import or a line of code names (comments
 * left out), so a fully qualified name counts like an import.
 */
final class PackageCyclesTest {
    private static final Path MAIN = Path.of("runtime/src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\bsoaktune((?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");

    private static final Path TOOLING = Path.of("tooling/src/main/java");

    @Test
    void theMainCode_hasNoPackageCycle() throws IOException {
        assertThat(cycles(graph(MAIN))).isEmpty();
    }

    /** The tooling shares package names with the runtime (cli): the two together have no cycle either. */
    @Test
    void theRuntimeAndTheToolingTogether_haveNoPackageCycle() throws IOException {
        Map<String, Set<String>> both = new TreeMap<>(graph(MAIN));
        graph(TOOLING).forEach((pkg, uses) -> both.merge(pkg, uses, (a, b) -> {
            Set<String> all = new java.util.TreeSet<>(a);
            all.addAll(b);
            return all;
        }));
        assertThat(cycles(both)).isEmpty();
    }

    @Test
    void aCycle_isFoundAndNamedThroughEveryPackageOnIt() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a", "d"));
        g.put("d", Set.of());
        assertThat(cycles(g)).containsExactly("a -> b -> c -> a");
        g.put("c", Set.of("d"));
        assertThat(cycles(g)).isEmpty();
    }

    /** Package → the other soaktune packages its files name. */
    static Map<String, Set<String>> graph(Path root) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String pkg = root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
            Set<String> uses = out.computeIfAbsent(pkg, k -> new TreeSet<>());
            boolean inComment = false;
            for (String line : Files.readAllLines(file)) {
                String code = line.strip();
                if (inComment || code.startsWith("/*")) {
                    inComment = !code.contains("*/");
                    continue;
                }
                if (code.startsWith("//") || code.startsWith("*") || code.startsWith("package ")) {
                    continue;
                }
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String used = "soaktune" + m.group(1);
                    if (!used.equals(pkg)) {
                        uses.add(used);
                    }
                }
            }
        }
        return out;
    }

    /** Each cycle as "a -> b -> a", starting at its smallest package: one path around each strongly connected set. */
    static Set<String> cycles(Map<String, Set<String>> graph) {
        Set<String> out = new TreeSet<>();
        for (String start : graph.keySet()) {
            List<String> path = cycleThrough(graph, start);
            if (path != null && path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
                out.add(String.join(" -> ", path));
            }
        }
        return out;
    }

    /** The shortest path from {@code start} back to itself (breadth first), or null when there is none. */
    private static List<String> cycleThrough(Map<String, Set<String>> graph, String start) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String at : frontier) {
                for (String to : graph.getOrDefault(at, Set.of())) {
                    if (to.equals(start)) {
                        List<String> path = new ArrayList<>(List.of(start));
                        for (String p = at; !p.equals(start); p = cameFrom.get(p)) {
                            path.add(1, p);
                        }
                        path.add(start);
                        return path;
                    }
                    if (!cameFrom.containsKey(to)) {
                        cameFrom.put(to, at);
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }
}
