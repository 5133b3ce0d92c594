package org.molap.experiments.bench;

import java.util.List;

/**
 * One benchmark shape: an Elman/MoLaP RNN of {@code units} tanh units in {@code modules} modules, trained on
 * batches of {@code batch} trials of {@code steps} steps with 3 input and 3 output channels (a pro/anti task).
 */
public record BenchProblem(String name, int units, int modules, int batch, int steps) {
    public static final int CHANNELS = 3;

    /** The MoLaP network (seed 000) and two larger problems, as issue 3 lists them. */
    public static List<BenchProblem> standard() {
        return List.of(new BenchProblem("molap", 100, 2, 200, 110),
                new BenchProblem("N200-T220", 200, 2, 200, 220),
                new BenchProblem("N400-T440", 400, 2, 200, 440));
    }
}
