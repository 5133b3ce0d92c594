package org.molap.experiments.molap;

import org.molap.core.run.JsonLines;
import org.molap.dl4j.train.TrainingListener;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one metrics.jsonl line per training iteration: phase, iteration, loss, mse (and probe values when due). */
public final class MetricsLog implements TrainingListener {
    private final JsonLines out;

    public MetricsLog(JsonLines out) {
        this.out = out;
    }

    @Override
    public void onIteration(Iteration it) {
        onIteration(it, Map.of());
    }

    /** The line with the probes' values at this iteration ("probes": {name: value}) when there are any. */
    public void onIteration(Iteration it, Map<String, Double> probes) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", it.phase());
        line.put("iteration", it.iteration());
        line.put("loss", it.loss());
        line.put("mse", it.mse());
        if (!probes.isEmpty()) {
            line.put("probes", probes);
        }
        out.write(line);
    }
}
