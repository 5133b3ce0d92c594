package org.molap.experiments.nmrnn;

import org.molap.experiments.molap.LossCurve;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.molap.core.metrics.ProducedInterval;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.MeasureWaitGo;
import org.molap.dl4j.data.RepeatedBatch;
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

/**
 * One network of the Measure-Wait-Go comparison: built, trained on the 40 trials in its phases, and scored on every
 * interval (trained, shorter, longer) at every measure time. Its {@link Result} and arrays go to a folder of its own,
 * so that networks can train in separate processes and a resumed run keeps the finished ones.
 */
public final class MwgNetwork {
    static final String RESULT = NetworkUnits.RESULT;
    /** The measure time of the traces drawn in figures (the authors' scripts test at 15 only). */
    static final int TRACE_MEASURE = 15;
    private static final int LOSS_POINTS = 200;

    /**
     * What one network did. Per interval (in the order shorter, trained, longer): the MSE and the produced interval
     * averaged over the measure times, and the produced interval at measure time 15; the reference crossing of the
     * target ramp; the extrapolation scores over the 8 untrained intervals (MSE; mean absolute error of the produced
     * interval against the target's crossing, over every trial and at measure time 15). A trial whose output never
     * reaches 0.9 of its maximum after the go pulse (no response, or its maximum came before go) is censored: it counts
     * as producing the longest interval the trial can show, T - go, a lower bound on its error; {@code unproduced}
     * counts those trials among the untrained intervals' (results of runs before this existed lack it: 0, and their
     * errors are NaN where a trial did not produce).
     */
    public record Result(String model, long seed, long parameters, double seconds, List<PhaseRecord> phases,
                         double trainMse, List<Integer> intervals, List<String> groups, double[] mse, double[] produced,
                         double[] producedAt15, double[] targetCrossing, double shorterMse, double longerMse,
                         double extrapolationMse, double producedError, double producedErrorAt15, double trainedProducedError,
                         double[][] lossCurve, int unproduced) {
    }

    private MwgNetwork() {
    }

    /** A child JVM's unit: arguments model, seed and folder. */
    static void runUnit(Path settings, List<String> args, PrintStream console) throws IOException {
        MwgSettings s = RunDirectory.JSON.readValue(settings.toFile(), MwgSettings.class);
        ModelUnit.run(args, (model, seed, dir, out) -> run(model, seed, s, dir, out), console);
    }

    /** One network of a run, for {@link NetworkUnits}. */
    static ModelUnit unit(NmModel model, long seed, Path dir, MwgSettings s) {
        return new ModelUnit(model, seed, dir, (m, k, d, out) -> run(m, k, s, d, out));
    }

    /** The model's cell at these settings (3 inputs, 1 output). */
    static Cell cell(NmModel model, MwgSettings s) {
        int inputs = MeasureWaitGo.INPUTS.size();
        return switch (model) {
            case NM_RNN -> new NmRnnCell(new NmRnnCell.Config(s.nmUnits(), s.nmModulators(), s.rank(), inputs, inputs, 10, 100,
                    s.nmScale(s.nmUnits())));
            case LR_RNN -> new RateRnnCell(s.lrUnits(), inputs, s.rank(), 10, s.lrScale(s.lrUnits()), true, 1, true);
            case RNN -> new RateRnnCell(s.rnnUnits(), inputs, 0, 10);
            case LSTM -> new LstmCell(s.lstmUnits(), inputs);
        };
    }

    /** Trains and scores the network of {@code model} and {@code seed}; writes its result and arrays into {@code dir}. */
    public static Result run(NmModel model, long seed, MwgSettings s, Path dir, PrintStream console) {
        MeasureWaitGo task = new MeasureWaitGo(MeasureWaitGo.Config.paper());
        Cell cell = cell(model, s);
        int steps = task.config().steps();
        CellModel graph = Unroller.unroll(cell, 1, steps, DataType.FLOAT, Loss.mse(), seed);
        TrainableModel net = Engines.build(cell, 1, steps, DataType.FLOAT, Loss.mse(), seed, Engines.Engine.AUTO);
        Trials train = task.trials(task.trainingTrials(), DataType.FLOAT);
        DataSet batch = new DataSet(train.inputs(), train.targets());
        String name = model.id() + "-seed" + seed;
        console.printf("%s: %d parameters%n%s", name, ParameterTable.of(graph).total(), ParameterTable.of(graph).format());

        List<PhaseRecord> phases = new ArrayList<>();
        int total = model == NmModel.NM_RNN ? s.lowRankIterations() + s.modulationIterations() + s.jointIterations()
                : model == NmModel.LR_RNN ? s.lrIterations() : model == NmModel.RNN ? s.rnnIterations() : s.lstmIterations();
        LossCurve losses = new LossCurve(total, LOSS_POINTS);
        long start = System.nanoTime();
        if (model == NmModel.NM_RNN) {
            // Seed 003's code trains the low-rank group (with the readout), then the neuromodulatory group, then all.
            phases.add(phase(name + "/lr", net, graph.parametersIn("lr", Unroller.HEAD), s.lowRankIterations(), s.learningRate(), s, batch, losses));
            phases.add(phase(name + "/nm", net, graph.parametersIn("nm"), s.modulationIterations(), s.learningRate(), s, batch,
                    losses.startingAt(s.lowRankIterations())));
            phases.add(phase(name + "/all", net, graph.parametersIn("lr", "nm", Unroller.HEAD), s.jointIterations(), s.learningRate(), s,
                    batch, losses.startingAt(s.lowRankIterations() + s.modulationIterations())));
        } else {
            double rate = model == NmModel.RNN ? s.rnnLearningRate() : s.learningRate();
            phases.add(phase(name, net, graph.parametersIn("core", Unroller.HEAD), total, rate, s, batch, losses));
        }
        double seconds = NetworkUnits.seconds(start);
        net.parameters().forEach((param, values) -> graph.array(param).assign(values));
        graph.parameters().forEach((param, values) -> NetworkUnits.writeArray(dir.resolve("parameters"), param + ".npy", values));
        Result result = score(model, seed, graph, task, ParameterTable.of(graph).total(), seconds, phases, losses, dir);
        write(dir, result);
        return result;
    }

    private static PhaseRecord phase(String name, TrainableModel net, List<String> params, int iterations, double rate,
                                     MwgSettings s, DataSet batch, LossCurve losses) {
        TrainerConfig config = new TrainerConfig(rate, iterations).with(Optimiser.seed003().resettingEvery(s.adamReset()))
                .keepingBestOfChunks(s.chunk());
        return new Trainer(config).addListener(new ProgressLog(iterations)).addListener(losses).fit(name, net, TrainableSet.of(params), new RepeatedBatch(batch, iterations));
    }

    /** Scores the trained network on every interval at every measure time. */
    static Result score(NmModel model, long seed, CellModel graph, MeasureWaitGo task, long parameters, double seconds,
                        List<PhaseRecord> phases, LossCurve losses, Path dir) {
        MeasureWaitGo.Config c = task.config();
        Trials train = task.trials(task.trainingTrials(), DataType.FLOAT);
        double trainMse = graph.forward(train.inputs()).sub(train.targets()).norm2Number().doubleValue();
        trainMse = trainMse * trainMse / train.targets().length();
        List<Integer> intervals = new ArrayList<>(c.shorterIntervals());
        intervals.addAll(c.trainedIntervals());
        intervals.addAll(c.longerIntervals());
        List<String> groups = new ArrayList<>();
        int k = intervals.size();
        double[] mse = new double[k];
        double[] produced = new double[k];
        double[] producedAt15 = new double[k];
        double[] crossing = new double[k];
        double[] errorSum = new double[3];      // shorter, trained, longer: sum of |produced - crossing| over trials
        double[] errorCount = new double[3];
        double[] errorAt15 = new double[3];
        double[] mseSum = new double[3];
        int unproduced = 0;
        INDArray traces = Nd4j.zeros(DataType.FLOAT, k, c.steps());
        for (int i = 0; i < k; i++) {
            int interval = intervals.get(i);
            int group = c.shorterIntervals().contains(interval) ? 0 : c.trainedIntervals().contains(interval) ? 1 : 2;
            groups.add(List.of("shorter", "trained", "longer").get(group));
            List<MeasureWaitGo.Trial> trials = task.grid(List.of(interval), c.measureTimes());
            Trials t = task.trials(trials, DataType.FLOAT);
            INDArray out = graph.forward(t.inputs()).reshape(trials.size(), c.steps());        // one output channel
            INDArray target = t.targets().reshape(trials.size(), c.steps());
            double sq = out.sub(target).norm2Number().doubleValue();
            mse[i] = sq * sq / target.length();
            mseSum[group] += mse[i];
            crossing[i] = ProducedInterval.of(target.getRow(0).toDoubleVector(), task.goPulse(trials.get(0)));
            double sum = 0;
            for (int j = 0; j < trials.size(); j++) {
                int go = task.goPulse(trials.get(j));
                double p = ProducedInterval.of(out.getRow(j).toDoubleVector(), go);
                if (Double.isNaN(p)) {
                    p = c.steps() - go;                     // censored: no response within the trial
                    unproduced += group == 1 ? 0 : 1;
                }
                sum += p;
                errorSum[group] += Math.abs(p - crossing[i]);
                errorCount[group]++;
                if (trials.get(j).measure() == TRACE_MEASURE) {
                    producedAt15[i] = p;
                    errorAt15[group] += Math.abs(p - crossing[i]);
                    traces.putRow(i, out.getRow(j));
                }
            }
            produced[i] = sum / trials.size();
        }
        int shorter = c.shorterIntervals().size();
        int longer = c.longerIntervals().size();
        arrays(dir, traces, graph, task, intervals);
        return new Result(model.id(), seed, parameters, seconds, phases, trainMse, intervals, groups, mse, produced,
                producedAt15, crossing, mseSum[0] / shorter, mseSum[2] / longer, (mseSum[0] + mseSum[2]) / (shorter + longer),
                (errorSum[0] + errorSum[2]) / (errorCount[0] + errorCount[2]), (errorAt15[0] + errorAt15[2]) / (shorter + longer),
                errorSum[1] / errorCount[1], losses.points(), unproduced);
    }

    /** The traces at measure time 15 [intervals, T], and the NM-RNN's gate s(t) on them [intervals, K, T]. */
    private static void arrays(Path dir, INDArray traces, CellModel graph, MeasureWaitGo task, List<Integer> intervals) {
        NetworkUnits.writeArray(dir, "outputs_at_15.npy", traces);
        if (graph.cell() instanceof NmRnnCell nm) {
            List<MeasureWaitGo.Trial> trials = intervals.stream().map(i -> new MeasureWaitGo.Trial(TRACE_MEASURE, i)).toList();
            INDArray inputs = task.trials(trials, DataType.FLOAT).inputs();
            NetworkUnits.writeArray(dir, "gates_at_15.npy", NeuromodulatorySignal.of(nm.config(), graph.parameters(), inputs));
        }
    }

    static void write(Path dir, Result result) {
        NetworkUnits.writeResult(dir, result);
    }

    /** The result a finished network left in {@code dir}, or null when it has none. */
    static Result read(Path dir) {
        return NetworkUnits.finished(dir) ? NetworkUnits.readResult(dir, Result.class) : null;
    }
}
