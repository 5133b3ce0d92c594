package org.molap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Flattens the scalar leaves of a JSON object into (dotted key, text) rows for a generic table: nested
 * objects become "machine.cores", short numeric arrays are shown inline, long arrays and arrays of
 * objects are summarised by their length.
 */
final class Scalars {
    private static final int INLINE_ARRAY = 12;

    private Scalars() {
    }

    /** Rows for every leaf of {@code node} except the top-level keys in {@code skip}. */
    static List<List<String>> rows(JsonNode node, Set<String> skip) {
        List<List<String>> rows = new ArrayList<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(node)) {
                if (!skip.contains(e.getKey())) {
                    add(rows, e.getKey(), e.getValue());
                }
            }
        }
        return rows;
    }

    /** A JSON value as table text: numbers via {@link Fmt#number}, strings as they are. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isNumber()) {
            return Fmt.number(v.asDouble());
        }
        if (v.isArray()) {
            boolean numeric = StreamSupport.stream(v.spliterator(), false).allMatch(JsonNode::isNumber);
            if (numeric && v.size() <= INLINE_ARRAY) {
                return StreamSupport.stream(v.spliterator(), false).map(Scalars::text)
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            return v.size() + (numeric ? " values" : " entries");
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static void add(List<List<String>> rows, String key, JsonNode v) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                rows.add(List.of(key, "{}"));
            }
            for (Map.Entry<String, JsonNode> e : iterable(v)) {
                add(rows, key + "." + e.getKey(), e.getValue());
            }
        } else {
            rows.add(List.of(key, text(v)));
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
