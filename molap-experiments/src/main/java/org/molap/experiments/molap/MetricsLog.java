package org.molap.experiments.molap;

import org.molap.core.run.JsonLines;
import org.molap.dl4j.train.TrainingListener;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one metrics.jsonl line per training iteration: phase, iteration, loss, mse. */
public final class MetricsLog implements TrainingListener {
    private final JsonLines out;

    public MetricsLog(JsonLines out) {
        this.out = out;
    }

    @Override
    public void onIteration(Iteration it) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", it.phase());
        line.put("iteration", it.iteration());
        line.put("loss", it.loss());
        line.put("mse", it.mse());
        out.write(line);
    }
}
