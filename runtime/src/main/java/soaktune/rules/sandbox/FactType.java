package soaktune.rules.sandbox;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The type of a value inside a condition, as far as the sandbox needs it: whether it is a fact whose
 * properties may be read, and the type of each property. Value types (numbers, strings) have no readable
 * properties at all, so {@code "x".Class} or {@code field.bytes} are refused.
 */
record FactType(String name, Class<?> javaClass, Map<String, String> declaredFields) {
    static final FactType UNKNOWN = new FactType("Object", Object.class, null);
    static final FactType NUMBER = new FactType("Number", Double.class, null);
    static final FactType BOOLEAN = new FactType("Boolean", Boolean.class, null);
    static final FactType STRING = new FactType("String", String.class, null);

    static FactType of(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return NUMBER;
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return STRING;
        }
        return new FactType(type.getSimpleName(), type, null);
    }

    /** A type declared in DRL ({@code declare Name field : Type end}): plain data with the declared fields. */
    static FactType declared(String name, Map<String, String> fields) {
        return new FactType(name, null, Map.copyOf(fields));
    }

    /** Facts are the fact model's classes and types declared in DRL; only their properties may be read. */
    boolean isFact() {
        return declaredFields != null
                || javaClass != null && javaClass.getPackageName().equals(AllowList.MODEL_PACKAGE);
    }

    /** The property's type name (a simple name for declared fields), or empty when it has no such property. */
    Optional<Class<?>> propertyClass(String property) {
        if (javaClass == null || !isFact() || property.isEmpty()) {
            return Optional.empty();
        }
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Stream.of("get" + cap, "is" + cap, property)
                .flatMap(name -> Arrays.stream(javaClass.getMethods()).filter(m -> m.getName().equals(name)))
                .filter(m -> m.getParameterCount() == 0 && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() != void.class && m.getDeclaringClass() != Object.class)
                .findFirst().map(Method::getReturnType);
    }
}
