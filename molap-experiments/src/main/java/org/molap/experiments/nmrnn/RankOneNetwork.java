package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.MeasureWaitGo;
import org.molap.core.theory.RankOneSignal;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.ParameterTable;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.NmRnnCell;
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
 * The rank-1 linear symmetric NM-RNN on Measure-Wait-Go (seed 003 supplement C.3, main Fig. 3B, appendix B): trained
 * on the 40 trials, then tested on the intervals 7, 15 and 23 at measure time 15, where its s(t) during the ramp is
 * compared with appendix B's prediction in discrete time, s_t = 1 + tau_x (f_t - f_{t-1}) / (f_{t-1} - d), f the
 * target ramp and d the readout bias; and with the exact identity s_t = 1 + tau_x (w_t - w_{t-1}) / w_{t-1}, w_t = q'x_t,
 * which holds wherever the input is zero.
 */
public final class RankOneNetwork {
    /** Test intervals of Fig. 3B: below, inside and above the trained ones. */
    static final List<Integer> INTERVALS = List.of(7, 15, 23);

    /**
     * Per test interval: the RMSE between the network's s_t and the prediction over the ramp, that RMSE over the range
     * of s_t on the ramp, and the largest deviation from the exact identity after the go pulse.
     */
    public record Result(long seed, long parameters, double seconds, PhaseRecord phase, double trainMse,
                         Map<String, Double> theoryRmse, Map<String, Double> relativeRmse, Map<String, Double> identityError) {
    }

    private RankOneNetwork() {
    }

    static ModelUnit unit(long seed, Path dir, RankOneSettings s) {
        return new ModelUnit(NmModel.NM_RNN, seed, dir, (m, k, d, out) -> run(k, s, d, out));
    }

    static void runUnit(Path settings, List<String> args, PrintStream console) throws IOException {
        RankOneSettings s = RunDirectory.JSON.readValue(settings.toFile(), RankOneSettings.class);
        ModelUnit.run(args, (model, seed, dir, out) -> run(seed, s, dir, out), console);
    }

    public static Result run(long seed, RankOneSettings s, Path dir, PrintStream console) {
        MeasureWaitGo task = new MeasureWaitGo(MeasureWaitGo.Config.paper());
        int steps = task.config().steps();
        NmRnnCell cell = new NmRnnCell(new NmRnnCell.Config(s.units(), s.nmUnits(), 1, 3, 3, s.tauX(), s.tauZ(), 1,
                NmRnnCell.Variant.LINEAR_SYMMETRIC));
        CellModel graph = Unroller.unroll(cell, 1, steps, DataType.DOUBLE, Loss.mse(), seed);
        TrainableModel net = Engines.build(cell, 1, steps, DataType.DOUBLE, Loss.mse(), seed, Engines.Engine.AUTO);
        String name = "rank1-seed" + seed;
        console.printf("%s: %d parameters%n%s", name, ParameterTable.of(graph).total(), ParameterTable.of(graph).format());
        Trials train = task.trials(task.trainingTrials(), DataType.DOUBLE);
        long start = System.nanoTime();
        PhaseRecord phase = new Trainer(new TrainerConfig(s.learningRate(), s.iterations()).with(Optimiser.seed003())
                .keepingBestOfChunks(s.chunk())).addListener(new ProgressLog(s.iterations()))
                .fit(name, net, TrainableSet.of(graph.parametersIn("lr", "nm", Unroller.HEAD)),
                        new RepeatedBatch(new DataSet(train.inputs(), train.targets()), s.iterations()));
        double seconds = NetworkUnits.seconds(start);
        net.parameters().forEach((p, v) -> graph.array(p).assign(v));
        double norm = graph.forward(train.inputs()).sub(train.targets()).norm2Number().doubleValue();
        double trainMse = norm * norm / train.targets().length();

        List<MeasureWaitGo.Trial> trials = INTERVALS.stream().map(i -> new MeasureWaitGo.Trial(MwgNetwork.TRACE_MEASURE, i)).toList();
        Trials test = task.trials(trials, DataType.DOUBLE);
        INDArray gates = NeuromodulatorySignal.of(cell.config(), graph.parameters(), test.inputs());    // [3, 1, T]
        INDArray x = graph.observed(test.inputs());                                                          // [3, N, T]
        INDArray q = graph.array(NmRnnCell.L).dup();
        q.divi(q.norm2Number().doubleValue());                                                              // the K = 1 orthonormal factor
        double d = graph.array(Unroller.B_OUT).getDouble(0);
        Map<String, Double> rmse = new LinkedHashMap<>();
        Map<String, Double> relative = new LinkedHashMap<>();
        Map<String, Double> identity = new LinkedHashMap<>();
        INDArray curves = Nd4j.zeros(DataType.DOUBLE, INTERVALS.size(), 4, steps);     // s, prediction, w, target
        for (int i = 0; i < trials.size(); i++) {
            int interval = INTERVALS.get(i);
            int go = task.goPulse(trials.get(i));
            double[] signal = gates.get(NDArrayIndex.point(i), NDArrayIndex.point(0), NDArrayIndex.all()).toDoubleVector();
            double[] w = q.transpose().mmul(x.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all())).toDoubleVector();
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double worst = 0;
            for (int t = go + 1; t < steps; t++) {
                worst = Math.max(worst, Math.abs(RankOneSignal.discreteSignal(w[t], w[t - 1], cell.config().tauX()) - signal[t]));
            }
            for (int t = go + 1; t <= go + interval; t++) {
                double predicted = RankOneSignal.rampSignal(task.target(t, go, interval), task.target(t - 1, go, interval), d,
                        cell.config().tauX());
                curves.putScalar(i, 1, t, predicted);
                sum += (predicted - signal[t]) * (predicted - signal[t]);
                lo = Math.min(lo, signal[t]);
                hi = Math.max(hi, signal[t]);
            }
            for (int t = 0; t < steps; t++) {
                curves.putScalar(i, 0, t, signal[t]);
                curves.putScalar(i, 2, t, w[t]);
                curves.putScalar(i, 3, t, task.target(t, go, interval));
            }
            double r = Math.sqrt(sum / interval);
            rmse.put("I=" + interval, r);
            relative.put("I=" + interval, r / Math.max(hi - lo, 1e-12));
            identity.put("I=" + interval, worst);
        }
        NetworkUnits.writeArray(dir, "theory_curves.npy", curves);
        Result result = new Result(seed, ParameterTable.of(graph).total(), seconds, phase, trainMse, rmse, relative, identity);
        NetworkUnits.writeResult(dir, result);
        return result;
    }

    static Result read(Path dir) {
        return NetworkUnits.readResult(dir, Result.class);
    }
}
