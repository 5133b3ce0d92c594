package org.molap.experiments.motifs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.motifs.Motif;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MotorTrialsTest {
    private final List<Motif> motifs = List.of(new Motif("a", new double[] {0, 1, 2, 3, 0}), new Motif("b", new double[] {0, -1, 0}));

    @Test
    void aChainCarriesTheFirstMotifsLabelThenTheSecondsAndScoresOnlyTheSecond() {
        MotorTrials t = MotorTrials.chains(motifs, new int[][] {{0, 1}, {1}}, 2, 0, DataType.DOUBLE);
        assertEquals(8, t.steps(), "the longest chain: 5 + 3 steps");
        INDArray in = t.inputs();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0, 0, 0}, channel(in, 0, 0).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 1, 1}, channel(in, 0, 1).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 1, 1, 0}, channel(in, 0, 2).toDoubleVector(), 0.0,
                "the window opens for 2 steps at each onset");
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, -1, 0}, channel(t.targets(), 0, 0).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 1, 1}, t.mask().getRow(0).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0, 0, 0}, t.mask().getRow(1).toDoubleVector(), 0.0, "padding unscored");
        assertArrayEquals(new int[] {5, 0}, t.scoredFrom());
        assertArrayEquals(new int[] {3, 3}, t.scoredSteps());
    }

    private static INDArray channel(INDArray a, int trial, int channel) {
        return a.get(NDArrayIndex.point(trial), NDArrayIndex.point(channel), NDArrayIndex.all());
    }

    @Test
    void theRmseIsOverTheScoredStepsOnly() {
        MotorTrials t = MotorTrials.single(motifs, new int[] {0, 1}, 2, 0, DataType.DOUBLE);
        INDArray outputs = t.targets().dup();
        outputs.putScalar(new int[] {0, 0, 1}, 3);         // off by 2 at one of 5 steps
        outputs.putScalar(new int[] {1, 0, 4}, 100);       // in the padding: not scored
        assertArrayEquals(new double[] {Math.sqrt(4.0 / 5), 0}, t.rmse(outputs), 1e-12);
    }
}
