package org.molap.experiments.robustness;

import org.molap.core.metrics.DecisionAccuracy;
import org.molap.core.perturb.LesionScope;
import org.molap.core.perturb.Perturbation;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.export.TracePanel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seed 000 Fig. 3 b-e: one network's outputs against its targets with {@value #PERCENT}% of the module-1, module-2
 * or inter-module weights lesioned (one draw each), on {@value #TRIALS} test trials: the traces of the first three
 * (figures/robustness_traces_&lt;scope&gt;.png) and each output unit's mean squared error over the trials.
 */
final class LesionedTraces {
    static final double PERCENT = 30;
    static final int TRIALS = 20;

    private LesionedTraces() {
    }

    /** The errors by scope, for results.json; writes one figure per scope. */
    static Map<String, Object> write(Path figures, String method, String task, List<String> channels, PerturbationSweep.Network network,
                                     Trials test, long seed) {
        INDArray inputs = test.inputs().get(NDArrayIndex.interval(0, TRIALS), NDArrayIndex.all(), NDArrayIndex.all()).dup();
        INDArray targets = test.targets().get(NDArrayIndex.interval(0, TRIALS), NDArrayIndex.all(), NDArrayIndex.all()).dup();
        double[] wRec = network.arrays().get(RecurrentCore.W_REC).dup('c').reshape(-1).toDoubleVector();
        Map<String, Object> byScope = new LinkedHashMap<>();
        List<LesionScope> scopes = new ArrayList<>();
        for (int k = 0; k < network.units().modules(); k++) {
            scopes.add(new LesionScope.Module(k));
        }
        scopes.add(new LesionScope.InterModule());
        for (LesionScope scope : scopes) {
            Perturbation.Draw draw = new Perturbation.WeightLesion(scope, PERCENT).apply(wRec, network.units(), new Random(seed));
            INDArray out = PerturbationSweep.outputs(network, draw, inputs);
            List<double[][]> o = new ArrayList<>();
            List<double[][]> t = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                o.add(out.slice(i).toDoubleMatrix());
                t.add(targets.slice(i).toDoubleMatrix());
            }
            String name = scope.label().replace(' ', '_');
            TracePanel.write(figures.resolve("robustness_traces_" + name + ".png"),
                    String.format("%s, %s: %.0f%% of %s weights lesioned, test trials 1-3", method, task, PERCENT, scope.label()), o, t, channels);
            double[] mse = new double[(int) out.size(1)];
            for (int c = 0; c < mse.length; c++) {
                INDArray d = out.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all())
                        .sub(targets.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all()));
                mse[c] = d.mul(d).meanNumber().doubleValue();
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("mse_per_output", mse);
            entry.put("accuracy", DecisionAccuracy.accuracy(out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels.size()), NDArrayIndex.all()),
                    targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels.size()), NDArrayIndex.all())));
            byScope.put(scope.label(), entry);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("method", method);
        result.put("task", task);
        result.put("percent", PERCENT);
        result.put("trials", TRIALS);
        result.put("scopes", byScope);
        return result;
    }
}
