package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The README's table of {@code run memory}: per core, the decoders' R² (mean over channels) at chosen steps. */
final class MemoryTable {
    private MemoryTable() {
    }

    static String table(List<JsonNode> files) {
        JsonNode r = files.get(0).path("results");
        int onset = r.path("stimulus_onset").asInt();
        int goCue = r.path("go_cue").asInt();
        StringBuilder t = null;
        for (Map.Entry<String, JsonNode> core : (Iterable<Map.Entry<String, JsonNode>>) () -> r.path("r2").fields()) {
            List<String> channels = BaselineTables.names(core.getValue());
            int steps = core.getValue().path(channels.get(0)).size();
            if (t == null) {
                t = new StringBuilder(String.format(Locale.ROOT, "| core | t = %d (stimulus on) | t = %d (go cue) | t = %d (end) | mean over the last 30 steps |%n"
                        + "|---|---|---|---|---|%n", onset + 10, goCue, steps - 1));
            }
            t.append("| ").append(label(core.getKey())).append(" |");
            for (int step : new int[] {onset + 10, goCue, steps - 1}) {
                double sum = 0;
                for (String c : channels) {
                    sum += core.getValue().path(c).get(step).asDouble();
                }
                t.append(String.format(Locale.ROOT, " %.3f |", sum / channels.size()));
            }
            t.append(String.format(Locale.ROOT, " %.3f |%n", r.path("r2_last_30_steps").path(core.getKey()).asDouble()));
        }
        return t == null ? "" : t.toString();
    }

    /** "g=1.5 a=0.2" -> "random, g = 1.5, a = 0.2"; "pretrained a=0.2" -> "pre-trained core (a = 0.2)". */
    static String label(String core) {
        String spaced = core.replace("=", " = ").replace(".0 ", " ").replaceAll("\\.0$", "");
        return spaced.startsWith("pretrained ") ? "pre-trained core (" + spaced.substring("pretrained ".length()) + ")"
                : "random, " + spaced.replace(" a = ", ", a = ");
    }
}
