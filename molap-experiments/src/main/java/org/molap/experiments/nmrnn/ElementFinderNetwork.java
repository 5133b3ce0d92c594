package org.molap.experiments.nmrnn;

import org.molap.experiments.molap.LossCurve;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.ElementFinder;
import org.molap.dl4j.data.TaskIterator;
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
import org.molap.dl4j.train.LowestLossParameters;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.experiments.molap.ProgressLog;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One network of the Element Finder comparison: trained on fresh sequences, scored by its mean squared error at the
 * last step on held-out sequences; an NM-RNN also by its error with each component of s clamped at its time mean
 * (the supplement's ablation), and its s(t) on the fixed-query sets of Supp. Figs. 5-6.
 * <p>
 * The network analysed is the one the authors' scripts keep: the parameters after the iteration with the lowest
 * batch loss (their {@code lowest_loss_params}; their figure reports that lowest loss itself, wandb's "min" summary).
 * Adam at 1e-2 without clipping lets some networks (the LSTM above all) solve the task and then lose it, so the last
 * parameters' held-out error is reported beside it.
 */
public final class ElementFinderNetwork {
    /** Seed of the held-out sequences, the same for every network. */
    static final long TEST_SEED = 9_000_003;
    static final int[] VALUES = {-10, -5, 0, 5, 10};
    static final int[] QUERIES = {0, 5, 10, 15, 20};
    private static final int LOSS_POINTS = 200;

    /**
     * What one network did: held-out MSE of the kept (lowest-loss) parameters and of the last ones, training loss
     * (last and lowest, and the iteration of the lowest), and for the NM-RNN, with the kept parameters, the held-out
     * MSE with each s_k clamped at its time mean, the time variance of each s_k, and the component used most (the
     * largest variance).
     */
    public record Result(String condition, String label, String model, long seed, long parameters, double seconds,
                         PhaseRecord phase, double heldOutMse, double finalHeldOutMse, double lastLoss, double lowestLoss,
                         int lowestLossIteration, double[] ablatedMse, double[] gateVariance, int mostUsed, double[][] lossCurve) {
    }

    private ElementFinderNetwork() {
    }

    static Cell cell(ElementFinderSettings.Condition c, ElementFinderSettings s) {
        return switch (c.model()) {
            case NM_RNN -> new NmRnnCell(NmRnnCell.Config.elementFinder(c.nmUnits(), c.units(), c.rank(), c.tauX(), c.tauZ()));
            case LR_RNN -> RateRnnCell.elementFinder(c.units(), c.rank());
            case LSTM -> new LstmCell(c.units(), 1, true);
            case RNN -> new RateRnnCell(c.units(), 1, 0, 10, 1.0 / c.units(), true, 1, false);
        };
    }

    /** One network of a run, for {@link NetworkUnits}. */
    record Unit(int condition, long seed, Path dir, ElementFinderSettings settings) implements NetworkUnits.Job {
        @Override
        public String name() {
            return settings.conditions().get(condition).name() + "-seed" + seed;
        }

        @Override
        public List<String> arguments() {
            return List.of(Integer.toString(condition), Long.toString(seed), dir.toString());
        }

        @Override
        public void run(PrintStream console) {
            ElementFinderNetwork.run(settings.conditions().get(condition), seed, settings, dir, console);
        }
    }

    static void runUnit(Path settings, List<String> args, PrintStream console) throws IOException {
        ElementFinderSettings s = RunDirectory.JSON.readValue(settings.toFile(), ElementFinderSettings.class);
        run(s.conditions().get(Integer.parseInt(args.get(0))), Long.parseLong(args.get(1)), s, Path.of(args.get(2)), console);
    }

    public static Result run(ElementFinderSettings.Condition c, long seed, ElementFinderSettings s, Path dir, PrintStream console) {
        ElementFinder task = new ElementFinder(ElementFinder.Config.paper());
        int steps = task.config().steps();
        Cell cell = cell(c, s);
        Loss loss = Loss.mse().masked();
        CellModel graph = Unroller.unroll(cell, 1, steps, DataType.FLOAT, loss, seed);
        TrainableModel net = Engines.build(cell, 1, steps, DataType.FLOAT, loss, seed, Engines.Engine.AUTO);
        String name = c.name() + "-seed" + seed;
        long parameters = ParameterTable.of(graph).total();
        console.printf("%s: %d parameters%n%s", name, parameters, ParameterTable.of(graph).format());
        LossCurve curve = new LossCurve(s.iterations(), LOSS_POINTS);
        LowestLossParameters kept = new LowestLossParameters(graph.trainableParameters());
        // Seed 003's Element Finder scripts: plain Adam, epsilon 1e-7, no clipping, no weight decay.
        TrainerConfig config = new TrainerConfig(c.learningRate(), s.iterations()).with(
                new Optimiser(false, 0.9, 0.999, 1e-7, 0, 0, 0));
        long start = System.nanoTime();
        PhaseRecord phase = new Trainer(config).addListener(new ProgressLog(s.iterations())).addListener(curve).addListener(kept)
                .fit(name, net, TrainableSet.of(graph.trainableParameters()),
                new TaskIterator(task, s.batch(), s.iterations(), seed + 1_000_000, DataType.FLOAT));
        double seconds = NetworkUnits.seconds(start);
        net.parameters().forEach((p, values) -> graph.array(p).assign(values));

        Trials test = task.sample(s.testSequences(), new Random(TEST_SEED), DataType.FLOAT);
        double finalHeldOut = lastStepMse(graph.forward(test.inputs()), test);
        kept.parameters().forEach((p, values) -> graph.array(p).assign(values));
        double heldOut = lastStepMse(graph.forward(test.inputs()), test);
        double[] ablated = null;
        double[] variance = null;
        int mostUsed = -1;
        if (cell instanceof NmRnnCell nm) {
            NeuromodulatorySignal signal = new NeuromodulatorySignal(nm.config(), graph.parameters());
            Trials probe = task.sample(s.ablationSequences(), new Random(TEST_SEED + 1), DataType.FLOAT);
            NeuromodulatorySignal.Run intact = signal.run(probe.inputs(), -1, null);
            int k = nm.config().rank();
            ablated = new double[k];
            variance = new double[k];
            for (int j = 0; j < k; j++) {
                INDArray sj = intact.gates().get(NDArrayIndex.all(), NDArrayIndex.point(j), NDArrayIndex.all());   // [B, T]
                variance[j] = sj.var(false, 1).meanNumber().doubleValue();
                double[] level = sj.mean(1).toDoubleVector();
                ablated[j] = lastStepMse(signal.run(probe.inputs(), j, level).outputs(), probe);
                mostUsed = mostUsed < 0 || variance[j] > variance[mostUsed] ? j : mostUsed;
            }
            gateArrays(task, signal, dir);
        }
        Result result = new Result(c.name(), c.label(), c.model().id(), seed, parameters, seconds, phase, heldOut, finalHeldOut,
                phase.lastLoss(), kept.lowest(), kept.iteration(), ablated, variance, mostUsed, curve.points());
        write(dir, result);
        return result;
    }

    /** The mean squared error at the last step; outputs [B, 1, T] or [B, T]. */
    static double lastStepMse(INDArray outputs, Trials trials) {
        int b = trials.batchSize();
        int last = trials.steps() - 1;
        INDArray y = outputs.reshape(b, trials.steps()).getColumn(last).castTo(DataType.DOUBLE);
        INDArray target = trials.targets().reshape(b, trials.steps()).getColumn(last).castTo(DataType.DOUBLE);
        double norm = y.sub(target).norm2Number().doubleValue();
        return norm * norm / b;
    }

    /** s(t) averaged over 100 sequences: at query 10 for each value, and at value 5 for each query [5, K, T]. */
    private static void gateArrays(ElementFinder task, NeuromodulatorySignal signal, Path dir) {
        int steps = task.config().steps();
        INDArray byValue = null;
        INDArray byQuery = null;
        for (int i = 0; i < VALUES.length; i++) {
            INDArray v = signal.run(task.fixedQuery(100, 10, VALUES[i], new Random(TEST_SEED + 10 + i), DataType.FLOAT).inputs(),
                    -1, null).gates().mean(0);
            INDArray q = signal.run(task.fixedQuery(100, QUERIES[i], 5, new Random(TEST_SEED + 20 + i), DataType.FLOAT).inputs(),
                    -1, null).gates().mean(0);
            byValue = byValue == null ? Nd4j.zeros(DataType.DOUBLE, VALUES.length, v.size(0), steps) : byValue;
            byQuery = byQuery == null ? Nd4j.zeros(DataType.DOUBLE, QUERIES.length, q.size(0), steps) : byQuery;
            byValue.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all()).assign(v);
            byQuery.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all()).assign(q);
        }
        NetworkUnits.writeArray(dir, "gates_by_value.npy", byValue);
        NetworkUnits.writeArray(dir, "gates_by_query.npy", byQuery);
    }

    static void write(Path dir, Result result) {
        NetworkUnits.writeResult(dir, result);
    }

    static Result read(Path dir) {
        return NetworkUnits.readResult(dir, Result.class);
    }
}
