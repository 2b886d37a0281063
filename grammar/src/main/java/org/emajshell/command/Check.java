package org.emajshell.command;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the command records. */
final class Check {

    private Check() {
    }

    /** A required name or text: not null, not empty. */
    static String required(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    /** An optional name: null (left out) or not empty. */
    static String optional(String value, String what) {
        if (value != null && value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    /** A list of group names, possibly empty, without null or empty elements and without duplicates. */
    static List<String> groups(List<String> groups) {
        Objects.requireNonNull(groups, "groups must not be null (use an empty list for the current group)");
        List<String> copy = List.copyOf(groups);
        for (String g : copy) {
            required(g, "group name");
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("a group is listed twice: " + copy);
        }
        return copy;
    }

    static <T> T notNull(T value, String what) {
        return Objects.requireNonNull(value, what + " must not be null");
    }

    static Integer positive(Integer value, String what) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    static Long notNegative(Long value, String what) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }

    /**
     * Table properties as E-Maj's JSON wants them: an insertion-ordered, unmodifiable copy whose
     * values are String, Long, Boolean, List of String, or null (reset to the default).
     */
    static Map<String, Object> properties(Map<String, Object> properties) {
        Objects.requireNonNull(properties, "properties must not be null (use an empty map)");
        java.util.LinkedHashMap<String, Object> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String key = required(e.getKey(), "property name");
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof String)) {
                        throw new IllegalArgumentException("property " + key + ": list items must be strings");
                    }
                }
                @SuppressWarnings("unchecked")
                List<String> strings = List.copyOf((List<String>) list);
                v = strings;
            } else if (v != null && !(v instanceof String) && !(v instanceof Long) && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("property " + key + ": unsupported value type "
                        + v.getClass().getSimpleName());
            }
            copy.put(key, v);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
