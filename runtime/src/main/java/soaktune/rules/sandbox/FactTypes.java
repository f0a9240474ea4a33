package soaktune.rules.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a rule package can use as types: fact-model classes it imports (one by one or with
 * {@code soaktune.model.*}), types it declares, and the java.lang value types.
 */
final class FactTypes {
    private final Map<String, FactType> byName = new HashMap<>();
    private boolean modelWildcard;

    void importModelClass(Class<?> type) {
        byName.put(type.getSimpleName(), FactType.of(type));
    }

    void importModelWildcard() {
        modelWildcard = true;
    }

    void declare(String name, Map<String, String> fields) {
        byName.put(name, FactType.declared(name, fields));
    }

    boolean isDeclared(String name) {
        FactType t = byName.get(name);
        return t != null && t.declaredFields() != null;
    }

    /** A pattern's type by the name the rule wrote, if the package may use it. */
    Optional<FactType> resolve(String name) {
        FactType known = byName.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Class<?>> model = (modelWildcard ? AllowList.modelClass(name) : Optional.<Class<?>>empty())
                .or(() -> AllowList.qualifiedModelClass(name));
        if (model.isPresent()) {
            return Optional.of(FactType.of(model.get()));
        }
        if (AllowList.VALUE_TYPES.contains(name)) {
            return Optional.of(valueType(name));
        }
        return Optional.empty();
    }

    /** The sandbox's view of a value type by name (declared fields, accumulate results). */
    static FactType valueType(String name) {
        return switch (name) {
            case "int", "long", "double", "float", "short", "byte", "Integer", "Long", "Double", "Float", "Short",
                    "Byte", "Number", "BigDecimal" -> FactType.NUMBER;
            case "boolean", "Boolean" -> FactType.BOOLEAN;
            case "String", "char", "Character" -> FactType.STRING;
            default -> FactType.UNKNOWN;
        };
    }

    /** Field types a declared type may have: values and facts, never a class that does something. */
    boolean isAllowedFieldType(String name) {
        return valueType(name) != FactType.UNKNOWN && !name.equals("BigDecimal")
                || resolve(name).map(FactType::isFact).orElse(false);
    }
}
