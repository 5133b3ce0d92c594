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
    public void onIteration(String phase, int iteration, double loss, double mse) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", phase);
        line.put("iteration", iteration);
        line.put("loss", loss);
        line.put("mse", mse);
        out.write(line);
    }
}
