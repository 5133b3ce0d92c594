package org.molap.dl4j.train;

/**
 * A measurement taken on the network while it trains (accuracy under a lesion, on held-out tasks, a weight norm):
 * given an iteration's event, with the model after its update, one number. Probes run every few iterations
 * ({@link ProbeSchedule}), are logged to metrics.jsonl and shown in the training UI.
 */
public interface Probe {
    /** Short name, as it appears in metrics.jsonl ("probes") and the UI's session list. */
    String name();

    /** The value at this iteration, or NaN where the probe does not apply (then nothing is recorded). */
    double measure(TrainingListener.Iteration it);

    /** A probe from a name and a function. */
    static Probe of(String name, java.util.function.ToDoubleFunction<TrainingListener.Iteration> measure) {
        return new Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double measure(TrainingListener.Iteration it) {
                return measure.applyAsDouble(it);
            }
        };
    }
}
