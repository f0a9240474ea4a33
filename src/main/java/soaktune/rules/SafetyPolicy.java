package soaktune.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What rule files may name. DRL consequences are Java (or MVEL) and Drools runs them with no sandbox, so
 * the rule folder is executable code. The policy is an allow-list: the fact model, the DSL functions and a
 * few value types. The deny-lists below only make the error message say why a name is dangerous; a name
 * absent from both lists is rejected too.
 */
public final class SafetyPolicy {
    public static final String MODEL_PACKAGE = "soaktune.model";
    public static final String DSL_CLASS = "soaktune.rules.Dsl";

    /** Value types a rule may use by simple name (java.lang, so no import is needed) or by full name. */
    public static final Map<String, String> JAVA_TYPES = Map.ofEntries(
            Map.entry("Math", "java.lang.Math"), Map.entry("StrictMath", "java.lang.StrictMath"),
            Map.entry("String", "java.lang.String"), Map.entry("Number", "java.lang.Number"),
            Map.entry("Double", "java.lang.Double"), Map.entry("Float", "java.lang.Float"),
            Map.entry("Integer", "java.lang.Integer"), Map.entry("Long", "java.lang.Long"),
            Map.entry("Short", "java.lang.Short"), Map.entry("Byte", "java.lang.Byte"),
            Map.entry("Boolean", "java.lang.Boolean"), Map.entry("Character", "java.lang.Character"));

    private static final String PROCESS = "controls the JVM or runs programs";
    private static final String THREADS = "starts threads or tasks";
    private static final String REFLECTION = "is reflection or class loading, which reaches any code";
    private static final String FILES = "reads or writes files";
    private static final String NETWORK = "opens network connections";

    /** Types that are dangerous, with the reason shown to the author. */
    static final Map<String, String> FORBIDDEN_TYPES = Map.ofEntries(
            Map.entry("System", PROCESS), Map.entry("Runtime", PROCESS), Map.entry("ProcessBuilder", PROCESS),
            Map.entry("Process", PROCESS), Map.entry("ProcessHandle", PROCESS), Map.entry("SecurityManager", PROCESS),
            Map.entry("Thread", THREADS), Map.entry("ThreadGroup", THREADS), Map.entry("ThreadLocal", THREADS),
            Map.entry("Executors", THREADS), Map.entry("ExecutorService", THREADS), Map.entry("Executor", THREADS),
            Map.entry("ForkJoinPool", THREADS), Map.entry("CompletableFuture", THREADS), Map.entry("Timer", THREADS),
            Map.entry("Runnable", THREADS), Map.entry("Callable", THREADS),
            Map.entry("Class", REFLECTION), Map.entry("ClassLoader", REFLECTION), Map.entry("MethodHandles", REFLECTION),
            Map.entry("MethodHandle", REFLECTION), Map.entry("Method", REFLECTION), Map.entry("Field", REFLECTION),
            Map.entry("Constructor", REFLECTION), Map.entry("Proxy", REFLECTION), Map.entry("Unsafe", REFLECTION),
            Map.entry("Module", REFLECTION), Map.entry("ModuleLayer", REFLECTION), Map.entry("StackWalker", REFLECTION),
            Map.entry("URLClassLoader", REFLECTION), Map.entry("ServiceLoader", REFLECTION),
            Map.entry("File", FILES), Map.entry("Files", FILES), Map.entry("Path", FILES), Map.entry("Paths", FILES),
            Map.entry("FileInputStream", FILES), Map.entry("FileOutputStream", FILES), Map.entry("FileReader", FILES),
            Map.entry("FileWriter", FILES), Map.entry("RandomAccessFile", FILES), Map.entry("PrintStream", FILES),
            Map.entry("PrintWriter", FILES), Map.entry("FileChannel", FILES),
            Map.entry("Socket", NETWORK), Map.entry("ServerSocket", NETWORK), Map.entry("DatagramSocket", NETWORK),
            Map.entry("URL", NETWORK), Map.entry("URI", NETWORK), Map.entry("URLConnection", NETWORK),
            Map.entry("HttpURLConnection", NETWORK), Map.entry("HttpClient", NETWORK), Map.entry("InetAddress", NETWORK));

    /** Methods reachable from allowed objects (every object has getClass) that open a way out. */
    static final Map<String, String> FORBIDDEN_MEMBERS = Map.ofEntries(
            Map.entry("getClass", REFLECTION), Map.entry("forName", REFLECTION), Map.entry("getClassLoader", REFLECTION),
            Map.entry("loadClass", REFLECTION), Map.entry("defineClass", REFLECTION), Map.entry("newInstance", REFLECTION),
            Map.entry("getDeclaredMethod", REFLECTION), Map.entry("getDeclaredMethods", REFLECTION),
            Map.entry("getDeclaredField", REFLECTION), Map.entry("getDeclaredFields", REFLECTION),
            Map.entry("getDeclaredConstructor", REFLECTION), Map.entry("getDeclaredConstructors", REFLECTION),
            Map.entry("getMethod", REFLECTION), Map.entry("getMethods", REFLECTION), Map.entry("getField", REFLECTION),
            Map.entry("getFields", REFLECTION), Map.entry("getConstructor", REFLECTION),
            Map.entry("getConstructors", REFLECTION), Map.entry("setAccessible", REFLECTION),
            Map.entry("invoke", REFLECTION), Map.entry("invokeExact", REFLECTION),
            Map.entry("invokeWithArguments", REFLECTION), Map.entry("lookup", REFLECTION),
            Map.entry("exit", PROCESS), Map.entry("halt", PROCESS), Map.entry("exec", PROCESS),
            Map.entry("getRuntime", PROCESS), Map.entry("getenv", PROCESS), Map.entry("getProperty", PROCESS),
            Map.entry("setProperty", PROCESS), Map.entry("getProperties", PROCESS), Map.entry("loadLibrary", PROCESS),
            Map.entry("wait", THREADS), Map.entry("notify", THREADS), Map.entry("notifyAll", THREADS),
            Map.entry("parallelStream", THREADS), Map.entry("finalize", PROCESS));

    /** The engine handles a consequence can see; they reach the whole session, so they only go to the DSL. */
    static final Set<String> ENGINE_HANDLES = Set.of("drools", "kcontext");

    /** First segments of fully-qualified names; {@code java.lang.System.exit(0)} needs no import. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "ch",
            "soaktune", "jakarta", "picocli", "kotlin", "scala", "groovy", "mvel", "mvel2", "lombok");

    private SafetyPolicy() {
    }

    /** True when {@code soaktune.model.<name>} is a class of the fact model. Loads only our own classes. */
    public static boolean isModelClass(String name) {
        try {
            Class.forName(MODEL_PACKAGE + "." + name, false, SafetyPolicy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The public static functions of {@link Dsl} a rule may import. */
    public static Set<String> dslFunctions() {
        return Arrays.stream(Dsl.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A fully-qualified type name a rule may use: a fact model class, the DSL or an allowed value type. */
    public static boolean isAllowedQualifiedType(String qualified) {
        if (qualified.equals(DSL_CLASS) || JAVA_TYPES.containsValue(qualified)) {
            return true;
        }
        String prefix = MODEL_PACKAGE + ".";
        return qualified.startsWith(prefix) && isModelClass(qualified.substring(prefix.length()));
    }

    static String allowedSummary() {
        return "the fact model (" + MODEL_PACKAGE + ".*), the DSL functions (" + DSL_CLASS + ".*) and "
                + String.join(", ", new TreeSet<>(JAVA_TYPES.keySet()));
    }
}
