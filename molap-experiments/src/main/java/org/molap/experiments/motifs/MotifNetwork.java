package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.tasks.motifs.Motif;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.molap.LossCurve;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network of seed 001 from its seed: J and w drawn, the preparatory module trained first where the architecture
 * has one, the motifs learned (one at a time, or all at once for the control network), then the chaining test. The
 * control network trained motif after motif is tested on every motif after each one it learns (its forgetting).
 */
final class MotifNetwork {
    private static final int LOSS_POINTS = 200;

    /**
     * What one network did.
     *
     * @param trainedEntries   Table 1: entries the motif learning changed, counted from its trainable sets
     * @param othersUnchanged  whether learning left every entry outside the motif parameters (and, motif after motif,
     *                         outside the motif's own columns) bitwise as it was
     * @param module           the preparatory module's analysis, or null
     * @param lossCurve        the motif learning's loss, {iteration, loss} points (Fig. 17)
     * @param forgetting       the control network trained motif after motif: [after motif k][motif j] the mean RMSE of
     *                         motif j from random starts once motifs 1..k+1 are learned; null for the others
     */
    record Result(String architecture, long seed, int units, long trainedEntries, boolean othersUnchanged,
                  List<PhaseRecord> phases, ChainingHarness chaining, PreparatoryModule.Analysis module, double seconds,
                  double[][] lossCurve, double[][] forgetting) {
    }

    /**
     * Sizes and budgets of one run (the profile's, with the command line's changes); {@code sequential}: motif after
     * motif as the paper's protocol, else all motifs in each minibatch (the same training, faster; see MotifLearner).
     */
    record Settings(int units, int prepRank, double initialStd, MotifLearner.Settings learning,
                    PreparatoryModule.Settings module, int testTrials, boolean sequential) {
    }

    private MotifNetwork() {
    }

    /**
     * Trains and tests the network. When {@code arrays} is given it receives the trained parameters, the harness's
     * example outputs and end states (see {@link ChainingHarness#evaluate}) and, with the module, the eigenvalues
     * behind its analysis ("eigenvalues_with_module" etc., [2, N]: real and imaginary parts).
     */
    static Result run(Architecture architecture, List<Motif> motifs, long seed, Settings s, Map<String, INDArray> arrays,
                      TrainingListener... listeners) {
        long start = System.nanoTime();
        MotorRateCell.Config config = architecture.config(s.units(), motifs.size(), s.prepRank(), s.initialStd());
        MotorRateCell cell = new MotorRateCell(config);
        int steps = s.learning().steps();
        TrainableModel model = Engines.build(cell, 1, steps, DataType.FLOAT, Loss.mse().masked(), seed, Engines.Engine.AUTO);
        List<PhaseRecord> phases = new ArrayList<>();
        PreparatoryModule.Analysis module = null;
        Map<String, double[][]> spectra = Map.of();
        if (architecture.prep) {
            PreparatoryModule.Result trained = PreparatoryModule.train(config, model.array(MotorRateCell.J), s.module(), seed + 1, listeners);
            model.array(MotorRateCell.U_PREP).assign(trained.uPrep());
            model.array(MotorRateCell.V_PREP).assign(trained.vPrep());
            module = trained.analysis();
            spectra = trained.spectra();
            phases.add(module.phase());
        }
        boolean unchanged = true;
        boolean together = architecture == Architecture.CONTROL || (!s.sequential() && architecture != Architecture.CONTROL_SEQUENTIAL);
        double[][] forgetting = architecture == Architecture.CONTROL_SEQUENTIAL ? new double[motifs.size()][] : null;
        LossCurve curve = new LossCurve(s.learning().iterations() * (together ? 1 : motifs.size()), LOSS_POINTS);
        TrainingListener[] learning = java.util.stream.Stream.concat(java.util.Arrays.stream(listeners), java.util.stream.Stream.of(curve))
                .toArray(TrainingListener[]::new);
        if (together) {
            Map<String, INDArray> before = model.snapshot();
            phases.add(MotifLearner.learnTogether(architecture, model, motifs, s.learning(), learning));
            unchanged = MotifLearner.forAll(architecture).frozenUnchanged(before, model.parameters());
        } else {
            for (int k = 0; k < motifs.size(); k++) {
                Map<String, INDArray> before = model.snapshot();
                curve.startingAt(k * s.learning().iterations());
                phases.add(MotifLearner.learn(architecture, model, motifs, k, s.learning(), learning));
                unchanged &= MotifLearner.forMotif(architecture, model, k).frozenUnchanged(before, model.parameters());
                if (forgetting != null) {
                    forgetting[k] = ChainingHarness.randomPerMotif(model, steps, motifs, s.testTrials(), s.learning().preparation());
                }
            }
        }
        int chainSteps = ChainingHarness.longestPair(motifs);
        TrainableModel chains = Engines.build(cell, 1, chainSteps, DataType.FLOAT, Loss.mse().masked(), seed + 2, Engines.Engine.AUTO);
        model.parameters().forEach((name, values) -> chains.array(name).assign(values));
        Map<String, double[][]> examples = new LinkedHashMap<>();
        ChainingHarness chaining = ChainingHarness.evaluate(model, steps, chains, chainSteps, motifs, s.testTrials(),
                s.learning().preparation(), examples);
        if (arrays != null) {
            model.parameters().forEach((name, values) -> arrays.put(name, values.dup()));
            examples.forEach((name, values) -> arrays.put(name, org.nd4j.linalg.factory.Nd4j.createFromArray(values)));
            spectra.forEach((name, values) -> arrays.put("eigenvalues_" + name, org.nd4j.linalg.factory.Nd4j.createFromArray(values)));
        }
        return new Result(architecture.id(), seed, s.units(), MotifLearner.trainedEntries(architecture, model, motifs.size()), unchanged,
                phases, chaining, module, org.molap.experiments.parallel.NetworkUnits.seconds(start), curve.points(), forgetting);
    }

    /** The motif-set figure's and the report's one-line summary. */
    static String describe(Result r) {
        ChainingHarness c = r.chaining();
        return String.format("%s N %d seed %d: random %.3f, chained %.3f, penalty %.2f, Wilcoxon p %.3g%s", r.architecture(), r.units(),
                r.seed(), c.randomScore(), c.chainedScore(), c.penalty(), c.test().pTwoSided(),
                r.module() == null ? "" : String.format(", |r(5 tau)| %.1f%%", 100 * r.module().relativeNorm(50)));
    }
}
