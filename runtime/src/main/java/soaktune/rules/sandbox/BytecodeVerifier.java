package soaktune.rules.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes Drools generated for one rule package before the package is used: every method and
 * field reference against {@link AllowList}, and the shape of the code (no backward branch, no call between
 * generated methods but a consequence calling a DRL function, no try/catch, monitors, arrays, lambdas or
 * class constants). Consequence and function code is therefore straight-line, and with the engine's firing
 * cap every evaluation terminates.
 *
 * <p>Drools' own invoker classes (they wire a consequence or an accumulate expression to the engine and
 * implement {@code CompiledInvoker}) are generated from templates, not from rule text; they are held to the
 * references those templates make ({@link #INVOKER_OWNERS}) and may call the rule's own class.
 */
final class BytecodeVerifier {
    static final String COMPILED_INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";

    /** Classes Drools' invoker templates reference (measured on every shipped rule set and the catalogue). */
    static final Set<String> INVOKER_OWNERS = Set.of("java/lang/Object", "java/lang/Class", "java/lang/String",
            "java/lang/Boolean", "java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Float",
            "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Number",
            "org/drools/base/rule/Declaration", "org/drools/base/rule/accessor/CompiledInvoker",
            "org/drools/base/rule/accessor/ReturnValueExpression", "org/drools/base/rule/consequence/Consequence",
            "org/drools/base/rule/consequence/ConsequenceContext", "org/drools/base/base/ValueResolver",
            "org/drools/base/reteoo/BaseTuple", "org/drools/base/rule/accessor/FieldValue",
            "org/drools/mvel/asm/MethodComparator", "org/drools/mvel/asm/ConsequenceGenerator",
            "org/drools/mvel/asm/ConsequenceStub", "org/kie/api/runtime/rule/FactHandle",
            "org/drools/core/reteoo/Tuple", "org/drools/core/common/InternalFactHandle",
            "org/drools/base/rule/accessor/Wireable", "org/drools/base/rule/accessor/ReturnValueExpression$SafeReturnValueExpression");

    /**
     * A refused reference or shape at a line of the generated Java source (0 when unknown); {@code anchor}
     * is the last line of the class's consequence method (its closing brace), which is the DRL's {@code end}
     * line: Drools may add declarations above the consequence text, never below it.
     */
    record Violation(String className, String method, int javaLine, int anchor, String message) {
    }

    /** The generated classes of one package: internal name to bytes, as Drools keeps them. */
    static List<Violation> verify(Map<String, byte[]> store) {
        List<Violation> out = new ArrayList<>();
        Map<String, ClassReader> classes = new TreeMap<>();
        Set<String> invokers = new HashSet<>();
        for (Map.Entry<String, byte[]> resource : new TreeMap<>(store).entrySet()) {
            String name = resource.getKey().replaceFirst("\\.class$", "");
            try {
                if (resource.getKey().endsWith(".class")) {
                    ClassReader reader = new ClassReader(resource.getValue());
                    if (List.of(reader.getInterfaces()).contains(COMPILED_INVOKER)) {
                        invokers.add(name);
                    }
                    classes.put(name, reader);
                }
            } catch (RuntimeException e) {
                // Only a damaged or forged cache entry holds bytes ASM cannot read.
                out.add(new Violation(name, "", 0, 0, "unreadable generated class"));
            }
        }
        Set<String> userClasses = new HashSet<>(classes.keySet());
        userClasses.removeAll(invokers);
        classes.forEach((name, reader) -> {
            ClassCheck check = new ClassCheck(name, invokers.contains(name), userClasses);
            try {
                reader.accept(check, 0);
            } catch (RuntimeException e) {
                check.refuse("", 0, "unreadable generated class"); // a damaged cache entry
            }
            check.found.forEach(v -> out.add(new Violation(v.className(), v.method(), v.javaLine(), check.anchor,
                    v.message())));
        });
        return out;
    }

    private static final class ClassCheck extends ClassVisitor {
        private final String name;
        private final boolean invoker;
        private final Set<String> userClasses;
        private final List<Violation> found = new ArrayList<>();
        private boolean ruleClass;
        private int anchor;

        ClassCheck(String name, boolean invoker, Set<String> userClasses) {
            super(Opcodes.ASM9);
            this.name = name;
            this.invoker = invoker;
            this.userClasses = userClasses;
        }

        @Override
        public void visit(int version, int access, String className, String signature, String superName,
                String[] interfaces) {
            ruleClass = simpleName(className).startsWith("Rule_");
            if (!invoker && !"java/lang/Object".equals(superName)) {
                refuse("", 0, "generated class extends " + javaName(superName) + ": rule code may not define classes");
            }
        }

        @Override
        public void visitNestHost(String host) {
            refuse("", 0, "rule code may not define classes");
        }

        @Override
        public void visitNestMember(String member) {
            refuse("", 0, "rule code may not define classes (" + simpleName(member) + ")");
        }

        @Override
        public void visitInnerClass(String inner, String outer, String innerName, int access) {
            // Referencing a JDK nested type (MethodHandles$Lookup, for string concatenation) is fine; a class
            // nested in generated code is code smuggled past the method bodies.
            if (!invoker && (inner.startsWith(name + "$") || name.equals(outer))) {
                refuse("", 0, "rule code may not define classes (" + simpleName(inner) + ")");
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            return new MethodCheck(this, method);
        }

        void refuse(String method, int line, String message) {
            found.add(new Violation(name, method, line, 0, message));
        }
    }

    private static final class MethodCheck extends MethodVisitor {
        private final ClassCheck owner;
        private final String method;
        private final Set<Label> seen = new HashSet<>();
        private final Set<Label> tryStarts = new HashSet<>();
        private boolean pendingTry;
        private boolean clinitReported;
        private int line;

        MethodCheck(ClassCheck owner, String method) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.method = method;
        }

        private void refuse(String message) {
            owner.refuse(method, line, message);
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
            if (method.equals("defaultConsequence")) {
                owner.anchor = Math.max(owner.anchor, lineNumber);
            }
            if (pendingTry) {
                pendingTry = false;
                refuse("try/catch is not allowed in rule code: a rule must not hide a failure or the time budget");
            }
            if (method.equals("<clinit>") && !owner.invoker && !clinitReported) {
                clinitReported = true;
                refuse("static initialisers are not allowed in rule code");
            }
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            pendingTry |= tryStarts.remove(label); // refused at the line the try block starts on
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label) && !owner.invoker) {
                refuse("loops are not allowed: rule code must run straight through (a loop that never ends"
                        + " would hang the soak); let the engine iterate by matching facts");
            }
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            switches(dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            switches(dflt, labels);
        }

        private void switches(Label dflt, Label[] labels) {
            if (!owner.invoker && (seen.contains(dflt) || Arrays.stream(labels).anyMatch(seen::contains))) {
                refuse("loops are not allowed in rule code");
            }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (!owner.invoker) {
                tryStarts.add(start);
            }
        }

        @Override
        public void visitEnd() {
            if (pendingTry || !tryStarts.isEmpty()) {
                refuse("try/catch is not allowed in rule code: a rule must not hide a failure or the time budget");
            }
            if (method.equals("<clinit>") && !owner.invoker && !clinitReported) {
                refuse("static initialisers are not allowed in rule code");
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if ((opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) && !owner.invoker) {
                refuse("synchronized blocks are not allowed in rule code");
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY && !owner.invoker) {
                refuse("arrays are not allowed in rule code (an array of any size can be requested)");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            refuse("arrays are not allowed in rule code");
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (owner.invoker) {
                if (opcode == Opcodes.NEW) {
                    refuse("unexpected object creation in a generated invoker: " + type.replace('/', '.'));
                }
                return;
            }
            switch (opcode) {
                case Opcodes.NEW -> {
                    if (!type.equals("java/lang/StringBuilder")) {
                        refuse("creating " + javaName(type) + " is not allowed: rule code may create no objects"
                                + " (facts come from the DSL functions)");
                    }
                }
                case Opcodes.ANEWARRAY -> refuse("arrays are not allowed in rule code");
                default -> {
                    if (!AllowList.CAST_TYPES.contains(type) && !AllowList.isModelInternalName(type)) {
                        refuse("the type " + javaName(type) + " is not allowed in rule code");
                    }
                }
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            boolean own = fieldOwner.equals(owner.name);
            if (owner.invoker && (own || opcode == Opcodes.GETSTATIC && INVOKER_OWNERS.contains(fieldOwner))) {
                return;
            }
            if (opcode == Opcodes.GETSTATIC && (AllowList.VALUE_CONSTANT_OWNERS.contains(fieldOwner)
                    || AllowList.isModelInternalName(fieldOwner))) {
                return;
            }
            refuse("the field " + javaName(fieldOwner) + "." + name + " is not allowed: rule code may read facts"
                    + " only through their getters");
        }

        @Override
        public void visitMethodInsn(int opcode, String callee, String name, String descriptor, boolean itf) {
            if (owner.invoker) {
                if (!INVOKER_OWNERS.contains(callee) && !owner.userClasses.contains(callee)
                        && !callee.equals(owner.name)) {
                    refuse("a generated invoker calls " + javaName(callee) + "." + name);
                }
                return;
            }
            if (owner.userClasses.contains(callee)) {
                // Only a consequence may call a DRL function, and a function calls nothing of the rules: no
                // recursion and no call chains, so the cost of a consequence is bounded by its length.
                boolean toFunction = !simpleName(callee).startsWith("Rule_");
                if (!owner.ruleClass || !toFunction) {
                    refuse(owner.ruleClass ? "calls between generated rule methods are not allowed"
                            : "a DRL function may not call a function (" + name
                                    + "): recursion and call chains are not allowed, so every rule terminates");
                }
                return;
            }
            if (callee.equals(AllowList.DSL_CLASS.replace('.', '/'))) {
                if (!AllowList.isDslMethod(name, descriptor)) {
                    refuse("Dsl." + name + " is not a DSL function");
                }
                return;
            }
            if (allowedValueCall(callee, name, descriptor)) {
                return;
            }
            refuse(describeRefusal(callee, name));
        }

        private boolean allowedValueCall(String callee, String name, String descriptor) {
            if (AllowList.isMathMethod(callee, name)) {
                return true;
            }
            if (name.equals("<init>") && callee.equals("java/lang/Object")) {
                return method.equals("<init>");
            }
            return AllowList.VALUE_METHODS.getOrDefault(callee, Set.of()).contains(name)
                    || AllowList.isModelGetter(callee, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            if (!bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                refuse("lambdas and method references are not allowed in rule code");
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if ((value instanceof Type || value instanceof Handle || value instanceof ConstantDynamic) && !owner.invoker) {
                refuse("class literals (.class) and method handles are not allowed: they reach reflection");
            }
        }
    }

    private static String describeRefusal(String callee, String name) {
        String target = javaName(callee) + "." + name;
        String why;
        if (callee.startsWith("org/drools/") || callee.startsWith("org/kie/")) {
            why = "the engine is reachable only through the DSL functions (pass drools to trigger, propose,"
                    + " accept, ...)";
        } else if (AllowList.isModelInternalName(callee)) {
            why = "facts are changed only through the DSL functions (accept, trim, drop), which record who did it";
        } else if (callee.equals("java/lang/Class") || callee.startsWith("java/lang/reflect/")
                || callee.startsWith("java/lang/invoke/") || name.equals("getClass")) {
            why = "reflection reaches any code";
        } else if (callee.equals("java/lang/System") || callee.equals("java/lang/Runtime")
                || callee.startsWith("java/lang/Process")) {
            why = "it controls the JVM or runs programs";
        } else if (callee.startsWith("java/io/") || callee.startsWith("java/nio/")) {
            why = "it reads or writes files";
        } else if (callee.startsWith("java/net/")) {
            why = "it opens network connections";
        } else if (callee.equals("java/lang/Thread") || callee.startsWith("java/util/concurrent/")) {
            why = "it starts threads or tasks";
        } else {
            why = "rule code may call only the DSL functions, the fact model's getters, Math, String and boxing";
        }
        return "calling " + target + " is not allowed: " + why;
    }

    static String javaName(String internal) {
        return internal.replace('/', '.');
    }

    private static String simpleName(String internal) {
        return internal.substring(internal.lastIndexOf('/') + 1);
    }
}
