package org.molap.experiments.nmrnn;

import org.molap.experiments.molap.LossCurve;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.molap.core.metrics.PercentCorrect;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.ProAnti;
import org.molap.core.tasks.nm.ProAntiTasks;
import org.molap.dl4j.data.ResampledBatches;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.ParameterTable;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.experiments.molap.ProgressLog;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One network of the multitask experiment: trained on Delay Pro, Delay Anti and Memory Pro with their context
 * channels, scored (percent correct per task), given a fourth context channel for Memory Anti (its input column
 * starting at 0.1, as the authors' scripts), retrained on Memory Anti alone through the NM-RNN's neuromodulatory
 * group or the baselines' input weights, and scored again on all four tasks.
 */
public final class MultitaskNetwork {
    static final long TEST_SEED = 9_000_300;
    /** The authors' fixed test set (scripts/test_inputs.npy) has 25 trials per task: a set of that size, for comparison. */
    static final int SMALL_TEST_TRIALS = 25;
    static final long SMALL_TEST_SEED = TEST_SEED + 100;
    private static final int LOSS_POINTS = 200;
    private static final List<ProAnti> TRAINED = List.of(ProAnti.DELAY_PRO, ProAnti.DELAY_ANTI, ProAnti.MEMORY_PRO);
    private static final List<ProAnti> ALL = List.of(ProAnti.values());

    /**
     * What one network did: percent correct per task (atan2 and the authors' arctan decoder; atan2 also on 25 trials
     * per task, the size of the authors' test set) after training and after retraining; the entries retraining
     * changed; whether every other entry stayed bitwise as it was.
     */
    public record Result(String model, long seed, long parameters, long retrainedEntries, double seconds,
                         List<PhaseRecord> phases, Map<String, Double> trained, Map<String, Double> trainedArctan,
                         Map<String, Double> trained25, Map<String, Double> retrained, Map<String, Double> retrainedArctan,
                         Map<String, Double> retrained25, boolean othersUnchanged,
                         double[][] lossCurve, double[] stateVariance) {
    }

    private MultitaskNetwork() {
    }

    static Cell cell(NmModel model, MultitaskSettings s, int contexts) {
        int taskInputs = ProAntiTasks.TASK_INPUTS.size();
        int inputs = taskInputs + contexts;
        return switch (model) {
            case NM_RNN -> new NmRnnCell(new NmRnnCell.Config(s.nmUnits(), s.nmModulators(), s.rank(), inputs, taskInputs, 10, 100, 1));
            case LR_RNN -> new RateRnnCell(s.lrUnits(), inputs, s.rank(), 10);
            case RNN -> new RateRnnCell(s.rnnUnits(), inputs, 0, 10);
            case LSTM -> new LstmCell(s.lstmUnits(), inputs);
        };
    }

    /** What retraining may change: the NM-RNN's neuromodulatory group, the baselines' input weights. */
    static List<String> retrainable(NmModel model, CellModel graph) {
        return switch (model) {
            case NM_RNN -> graph.parametersIn("nm");
            case LR_RNN, RNN -> List.of(RateRnnCell.B);
            case LSTM -> List.of(LstmCell.W_U);
        };
    }

    /** One network of a run, for {@link NetworkUnits}. */
    static ModelUnit unit(NmModel model, long seed, Path dir, MultitaskSettings s) {
        return new ModelUnit(model, seed, dir, (m, k, d, out) -> run(m, k, s, d, out));
    }

    static void runUnit(Path settings, List<String> args, PrintStream console) throws IOException {
        MultitaskSettings s = RunDirectory.JSON.readValue(settings.toFile(), MultitaskSettings.class);
        ModelUnit.run(args, (model, seed, dir, out) -> run(model, seed, s, dir, out), console);
    }

    public static Result run(NmModel model, long seed, MultitaskSettings s, Path dir, PrintStream console) {
        ProAntiTasks.Config timing = ProAntiTasks.Config.paper();
        int steps = timing.steps();
        String name = model.id() + "-seed" + seed;
        LossCurve curve = new LossCurve(s.iterations() + s.retrainIterations(), LOSS_POINTS);
        long start = System.nanoTime();

        ProAntiTasks three = new ProAntiTasks(timing, TRAINED, TRAINED);
        Cell cell = cell(model, s, TRAINED.size());
        CellModel graph = Unroller.unroll(cell, 3, steps, DataType.FLOAT, Loss.mse(), seed);
        TrainableModel net = Engines.build(cell, 3, steps, DataType.FLOAT, Loss.mse(), seed, Engines.Engine.AUTO);
        console.printf("%s: %d parameters%n%s", name, ParameterTable.of(graph).total(), ParameterTable.of(graph).format());
        Trials train = three.sample(s.trials(), new Random(seed + 1), DataType.FLOAT);
        List<PhaseRecord> phases = new ArrayList<>();
        phases.add(phase(name + "/tasks", net, TrainableSet.of(graph.trainableParameters()), s.iterations(), s.learningRate(),
                s, train, seed + 2, curve));
        net.parameters().forEach((p, v) -> graph.array(p).assign(v));
        Map<String, Double> trained = new LinkedHashMap<>();
        Map<String, Double> trainedArctan = new LinkedHashMap<>();
        Map<String, Double> trained25 = new LinkedHashMap<>();
        score(graph, three, TRAINED, s.testTrials(), TEST_SEED, trained, trainedArctan);
        score(graph, three, TRAINED, SMALL_TEST_TRIALS, SMALL_TEST_SEED, trained25, new LinkedHashMap<>());

        // A fourth context channel for Memory Anti; its input column starts at 0.1 (train_*_plus_retrain.py).
        ProAntiTasks four = new ProAntiTasks(timing, ALL, List.of(ProAnti.MEMORY_ANTI));
        Cell wider = cell(model, s, ALL.size());
        CellModel graph4 = Unroller.unroll(wider, 3, steps, DataType.FLOAT, Loss.mse(), seed);
        graph.parameters().forEach((p, v) -> widen(v, graph4.array(p)));
        TrainableModel net4 = Engines.build(wider, 3, steps, DataType.FLOAT, Loss.mse(), seed, Engines.Engine.AUTO);
        graph4.parameters().forEach((p, v) -> net4.array(p).assign(v));
        List<String> retrainable = retrainable(model, graph4);
        Map<String, INDArray> before = net4.snapshot();
        Trials retrain = four.sample(s.retrainTrials(), new Random(seed + 3), DataType.FLOAT);
        phases.add(phase(name + "/retrain", net4, TrainableSet.of(retrainable), s.retrainIterations(), s.retrainRate(), s, retrain,
                seed + 4, curve.startingAt(s.iterations())));
        boolean unchanged = TrainableSet.of(retrainable).frozenUnchanged(before, net4.parameters());
        net4.parameters().forEach((p, v) -> graph4.array(p).assign(v));
        Map<String, Double> retrained = new LinkedHashMap<>();
        Map<String, Double> retrainedArctan = new LinkedHashMap<>();
        Map<String, Double> retrained25 = new LinkedHashMap<>();
        score(graph4, four, ALL, s.testTrials(), TEST_SEED, retrained, retrainedArctan);
        score(graph4, four, ALL, SMALL_TEST_TRIALS, SMALL_TEST_SEED, retrained25, new LinkedHashMap<>());
        long entries = retrainable.stream().mapToLong(p -> graph4.array(p).length()).sum();
        if (wider instanceof NmRnnCell nm) {
            gates(nm, graph4, four, dir);
        }
        double[] variance = states(graph4, four, dir);
        Result result = new Result(model.id(), seed, ParameterTable.of(graph).total(), entries, NetworkUnits.seconds(start),
                phases, trained, trainedArctan, trained25, retrained, retrainedArctan, retrained25, unchanged, curve.points(), variance);
        write(dir, result);
        return result;
    }

    private static PhaseRecord phase(String name, TrainableModel net, TrainableSet set, int iterations, double rate,
                                     MultitaskSettings s, Trials trials, long seed, LossCurve curve) {
        TrainerConfig config = new TrainerConfig(rate, iterations).with(Optimiser.seed003()).keepingBestOfChunks(s.chunk());
        return new Trainer(config).addListener(new ProgressLog(iterations)).addListener(curve).fit(name, net, set, new ResampledBatches(new DataSet(trials.inputs(), trials.targets()), s.batch(), iterations, seed));
    }

    /** Copies {@code from} into {@code to}; an input matrix with one more column gets 0.1 in it. */
    static void widen(INDArray from, INDArray to) {
        if (java.util.Arrays.equals(from.shape(), to.shape())) {
            to.assign(from);
            return;
        }
        to.assign(0.1);
        to.get(NDArrayIndex.all(), NDArrayIndex.interval(0, from.size(1))).assign(from);
    }

    /** Percent correct on a fixed test set per task (the same for every network of a run). */
    private static void score(CellModel graph, ProAntiTasks tasks, List<ProAnti> which, int trials, long testSeed,
                              Map<String, Double> atan2, Map<String, Double> arctan) {
        for (ProAnti task : which) {
            Trials test = tasks.only(task).sample(trials, new Random(testSeed + task.ordinal()), DataType.FLOAT);
            INDArray out = graph.forward(test.inputs());
            atan2.put(task.label(), PercentCorrect.fraction(test.inputs(), test.targets(), out, PercentCorrect.Decoder.ATAN2));
            arctan.put(task.label(), PercentCorrect.fraction(test.inputs(), test.targets(), out, PercentCorrect.Decoder.ARCTAN));
        }
    }

    /** Trials per task whose activity the principal components are fitted on (Supp. Fig. 4). */
    static final int PCA_TRIALS = 20;

    /**
     * Supp. Fig. 4: the first three principal components of the recurrent activity (x for the rate networks, h for
     * the LSTM) before the response, fitted on 20 test trials of each of the four tasks after retraining; writes the
     * trajectories [4 tasks, 20 trials, T, 3] (NaN from the go cue on) and returns the variance ratios of the three.
     */
    private static double[] states(CellModel graph, ProAntiTasks tasks, Path dir) {
        int steps = tasks.config().steps();
        List<INDArray> activity = new ArrayList<>();
        List<int[]> goCues = new ArrayList<>();
        List<INDArray> points = new ArrayList<>();
        for (ProAnti task : ALL) {
            Trials test = tasks.only(task).sample(PCA_TRIALS, new Random(TEST_SEED + 20 + task.ordinal()), DataType.FLOAT);
            INDArray x = graph.observed(test.inputs()).castTo(DataType.DOUBLE);            // [B, N, T]
            int[] go = new int[PCA_TRIALS];
            for (int b = 0; b < PCA_TRIALS; b++) {
                go[b] = test.timing().get(b).period("response").start();
                points.add(x.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.interval(0, go[b])).transpose());
            }
            activity.add(x);
            goCues.add(go);
        }
        org.molap.core.primitives.PrincipalComponents pca = org.molap.core.primitives.PrincipalComponents.fit(
                Nd4j.vstack(points.toArray(INDArray[]::new)), 3, org.molap.core.primitives.PrincipalComponents.Scaling.CENTRED);
        INDArray trajectories = Nd4j.valueArrayOf(new long[] {ALL.size(), PCA_TRIALS, steps, 3}, Double.NaN, DataType.DOUBLE);
        for (int k = 0; k < ALL.size(); k++) {
            for (int b = 0; b < PCA_TRIALS; b++) {
                int go = goCues.get(k)[b];
                INDArray projected = pca.transform(activity.get(k).get(NDArrayIndex.point(b), NDArrayIndex.all(),
                        NDArrayIndex.interval(0, go)).transpose());                                   // [go, 3]
                trajectories.get(NDArrayIndex.point(k), NDArrayIndex.point(b), NDArrayIndex.interval(0, go), NDArrayIndex.all())
                        .assign(projected);
            }
        }
        NetworkUnits.writeArray(dir, "state_pcs.npy", trajectories);
        return pca.explainedVarianceRatio();
    }

    /** The NM-RNN's s(t), mean over 100 test trials of each task, after retraining [4, K, T]. */
    private static void gates(NmRnnCell nm, CellModel graph, ProAntiTasks tasks, Path dir) {
        INDArray all = null;
        for (ProAnti task : ALL) {
            Trials test = tasks.only(task).sample(100, new Random(TEST_SEED + 10 + task.ordinal()), DataType.FLOAT);
            INDArray s = NeuromodulatorySignal.of(nm.config(), graph.parameters(), test.inputs()).mean(0);
            all = all == null ? Nd4j.zeros(DataType.DOUBLE, ALL.size(), s.size(0), s.size(1)) : all;
            all.get(NDArrayIndex.point(task.ordinal()), NDArrayIndex.all(), NDArrayIndex.all()).assign(s);
        }
        NetworkUnits.writeArray(dir, "gates_by_task.npy", all);
    }

    static void write(Path dir, Result result) {
        NetworkUnits.writeResult(dir, result);
    }

    static Result read(Path dir) {
        return NetworkUnits.readResult(dir, Result.class);
    }
}
