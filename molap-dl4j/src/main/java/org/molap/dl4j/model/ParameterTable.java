package org.molap.dl4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters as a table: name, group, shape and number of entries, and the count that seed papers compare
 * models by (every parameter but the group {@value Unroller#FIXED}: drawn initial states, an absent readout bias).
 */
public record ParameterTable(List<Row> rows) {

    public record Row(String name, String group, long[] shape, long entries) {
        public boolean counted() {
            return !Unroller.FIXED.equals(group);
        }
    }

    public ParameterTable {
        rows = List.copyOf(rows);
    }

    public static ParameterTable of(CellModel model) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : model.groups().entrySet()) {
            long[] shape = model.array(e.getKey()).shape();
            rows.add(new Row(e.getKey(), e.getValue(), shape, Arrays.stream(shape).reduce(1, Math::multiplyExact)));
        }
        return new ParameterTable(rows);
    }

    /** Entries of every counted parameter. */
    public long total() {
        return rows.stream().filter(Row::counted).mapToLong(Row::entries).sum();
    }

    /** Entries of the counted parameters in these groups. */
    public long inGroups(String... groups) {
        List<String> wanted = List.of(groups);
        return rows.stream().filter(Row::counted).filter(r -> wanted.contains(r.group())).mapToLong(Row::entries).sum();
    }

    /** A plain-text table, one parameter per line, the total last. */
    public String format() {
        StringBuilder b = new StringBuilder(String.format("%-10s %-6s %-10s %8s%n", "parameter", "group", "shape", "entries"));
        for (Row r : rows) {
            String shape = Arrays.stream(r.shape()).mapToObj(Long::toString).reduce((x, y) -> x + "x" + y).orElse("");
            b.append(String.format("%-10s %-6s %-10s %8d%s%n", r.name(), r.group(), shape, r.entries(),
                    r.counted() ? "" : "  (fixed, not counted)"));
        }
        return b.append(String.format("%-28s %8d%n", "total", total())).toString();
    }
}
