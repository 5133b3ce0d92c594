package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** The cells of the README's result tables: medians, quartiles and numbers written from result files' JSON. */
final class Cells {
    private Cells() {
    }

    /** A JSON array of numbers as doubles. */
    static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static double median(JsonNode values) {
        return org.molap.core.stats.Quartiles.of(values(values)).median();
    }

    static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String percent(JsonNode fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction.asDouble());
    }

    static String quartiles(JsonNode q, String format) {
        return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", q.path("median").asDouble(), q.path("q1").asDouble(),
                q.path("q3").asDouble());
    }

    static String quartilesSci(JsonNode q) {
        return sci(q.path("median").asDouble()) + " [" + sci(q.path("q1").asDouble()) + "-" + sci(q.path("q3").asDouble()) + "]";
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
