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

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
