package org.molap.dl4j.perturb;

import org.junit.jupiter.api.Test;
import org.molap.core.perturb.LesionScope;
import org.molap.core.perturb.Perturbation;
import org.molap.core.perturb.UnitPartition;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep on a network whose targets are its own outputs: unperturbed it is right on every trial, perturbed less so
 * the more is lesioned; the same seed gives the same draws.
 */
class PerturbationSweepTest {

    @Test
    void accuracyFallsWithTheLesionAndDrawsAreReproducible() {
        RnnGraph.Shape shape = new RnnGraph.Shape(20, 3, 2, 40, DataType.FLOAT, Regularisation.paper(), 0.2);
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(20, 2, 1.5, 3, 0.2), DataType.FLOAT);
        Head head = Head.random(20, 3, 2, 4, DataType.FLOAT);
        ElmanBptt net = ElmanBptt.build(shape).load(core, head);
        INDArray inputs = Nd4j.rand(DataType.FLOAT, 200, 3, 40).subi(0.5).muli(4);
        INDArray targets = net.forward(inputs);
        PerturbationSweep.Network trained = new PerturbationSweep.Network(shape, net.parameters(), new UnitPartition(20, 2));
        List<Perturbation> levels = List.of(new Perturbation.WeightLesion(new LesionScope.Whole(), 0),
                new Perturbation.WeightLesion(new LesionScope.Whole(), 30), new Perturbation.WeightLesion(new LesionScope.Whole(), 100),
                new Perturbation.ActivitySilencing(50), new Perturbation.WeightNoise(0.3));

        double[][] one = PerturbationSweep.accuracy(trained, levels, 6, 9, inputs, targets, 2);
        double[][] again = PerturbationSweep.accuracy(trained, levels, 6, 9, inputs, targets, 2);
        for (int l = 0; l < levels.size(); l++) {
            assertArrayEquals(one[l], again[l], 0, "level " + l + ": the same seed, the same draws");
        }
        assertTrue(Arrays.stream(one[0]).allMatch(a -> a == 1.0), "unperturbed: every decision right " + Arrays.toString(one[0]));
        double none = mean(one[0]);
        double some = mean(one[1]);
        double all = mean(one[2]);
        assertTrue(none > some && some > all, "accuracy falls with the lesion: " + none + ", " + some + ", " + all);
        assertEquals(1, Arrays.stream(one[2]).distinct().count(), "every draw of a 100% lesion is the same network");
        assertTrue(Arrays.stream(one[1]).distinct().count() > 1, "draws of a 30% lesion differ");
        assertTrue(mean(one[3]) < 1 && mean(one[4]) < 1, "silencing and noise cost accuracy");
    }

    /**
     * Activity silencing (seed 000 A.4): the network evaluated without its silenced units gives the outputs of the
     * recurrence written with plain arrays in which those units are 0 at every step; silencing none is the network.
     */
    @Test
    void silencedUnitsActAsUnitsClampedAtZero() {
        int n = 6;
        RnnGraph.Shape shape = new RnnGraph.Shape(n, 2, 3, 7, DataType.DOUBLE, Regularisation.none(), 0.2);
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(n, 2, 1.5, 11), DataType.DOUBLE);
        core.bias().assign(Nd4j.randn(DataType.DOUBLE, 1, n).muli(0.3));
        Head head = Head.random(n, 2, 3, 12, DataType.DOUBLE);
        head.bOut().assign(0.2);
        ElmanBptt net = ElmanBptt.build(shape).load(core, head);
        PerturbationSweep.Network trained = new PerturbationSweep.Network(shape, net.parameters(), new UnitPartition(n, 2));
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 2, 7);
        double[] w = net.array(RecurrentCore.W_REC).dup('c').reshape(-1).toDoubleVector();
        boolean[] silenced = {false, true, false, false, true, false};
        INDArray y = PerturbationSweep.outputs(trained, new Perturbation.Draw(w, silenced), x);
        double[] b = net.array(RecurrentCore.BIAS).toDoubleVector();
        double[][] wIn = net.array(Head.W_IN).toDoubleMatrix();
        double[][] wOut = net.array(Head.W_OUT).toDoubleMatrix();
        for (int trial = 0; trial < 4; trial++) {
            double[] h = new double[n];
            for (int t = 0; t < 7; t++) {
                double[] next = new double[n];
                for (int i = 0; i < n; i++) {
                    double a = b[i];
                    for (int j = 0; j < n; j++) {
                        a += w[i * n + j] * h[j];
                    }
                    for (int c = 0; c < 2; c++) {
                        a += wIn[i][c] * x.getDouble(trial, c, t);
                    }
                    next[i] = silenced[i] ? 0 : 0.8 * h[i] + 0.2 * Math.tanh(a);
                }
                h = next;
                for (int k = 0; k < 3; k++) {
                    double out = 0.2;
                    for (int i = 0; i < n; i++) {
                        out += wOut[k][i] * h[i];
                    }
                    assertEquals(out, y.getDouble(trial, k, t), 1e-12, "output " + k + " step " + t);
                }
            }
        }
        assertArrayEquals(net.forward(x).data().asBytes(), PerturbationSweep.outputs(trained, new Perturbation.Draw(w, null), x).data().asBytes());
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PerturbationSweep.outputs(trained, new Perturbation.Draw(w, all), x));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
