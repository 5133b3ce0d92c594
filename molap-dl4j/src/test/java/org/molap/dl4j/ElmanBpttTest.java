package org.molap.dl4j;

import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-derived BPTT against the SameDiff graph (automatic differentiation) and against central finite
 * differences, in double precision, with both regularisers switched on, with the leak a = 0.2 and without (a = 1).
 */
class ElmanBpttTest {
    private static final List<String> VARIABLES = List.of(RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT);
    private static RecurrentModel[] bothEngines(double leak) {
        RnnGraph.Shape shape = new RnnGraph.Shape(6, 2, 3, 7, DataType.DOUBLE, new Regularisation(1e-2, 1e-1), leak);
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(6, 2, 1.5, 11), DataType.DOUBLE);
        core.bias().assign(Nd4j.randn(DataType.DOUBLE, 1, 6).muli(0.3));
        Head head = Head.random(6, 2, 3, 12, DataType.DOUBLE);
        head.bOut().assign(0.2);
        return new RecurrentModel[] {RnnGraph.build(shape).load(core, head), ElmanBptt.build(shape).load(core, head)};
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void lossOutputsStatesAndGradientsMatchTheSameDiffGraph(double leak) {
        RecurrentModel[] m = bothEngines(leak);
        DataSet batch = new RandomSequences(2, 3, 7, 4, 1, 5, DataType.DOUBLE).next();
        RecurrentModel.LossAndGradients graph = m[0].lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        RecurrentModel.LossAndGradients bptt = m[1].lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        assertEquals(graph.loss(), bptt.loss(), 1e-12);
        assertEquals(graph.mse(), bptt.mse(), 1e-12);
        for (String v : VARIABLES) {
            INDArray a = graph.gradients().get(v);
            INDArray b = bptt.gradients().get(v);
            assertEquals(java.util.Arrays.toString(a.shape()), java.util.Arrays.toString(b.shape()), v);
            double err = a.sub(b).norm2Number().doubleValue() / Math.max(1e-12, a.norm2Number().doubleValue());
            assertTrue(err < 1e-10, v + ": relative error " + err);
        }
        assertTrue(m[0].forward(batch.getFeatures()).equalsWithEps(m[1].forward(batch.getFeatures()), 1e-12));
        assertTrue(m[0].states(batch.getFeatures()).equalsWithEps(m[1].states(batch.getFeatures()), 1e-12));
    }

    /**
     * The float engine runs other code than the double one (Java loops instead of ND4J ops, {@code StepKernels}):
     * on the same weights and batch it must give the double engine's loss and gradients to float precision.
     */
    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void theFloatFastPathMatchesTheDoubleReference(double leak) {
        RecurrentModel reference = bothEngines(leak)[1];
        RnnGraph.Shape shape = reference.shape();
        RecurrentModel fast = ElmanBptt.build(new RnnGraph.Shape(shape.units(), shape.inputs(), shape.outputs(), shape.steps(),
                DataType.FLOAT, shape.regularisation(), leak));
        reference.parameters().forEach((name, value) -> fast.array(name).assign(value.castTo(DataType.FLOAT)));
        DataSet batch = new RandomSequences(2, 3, 7, 4, 1, 9, DataType.DOUBLE).next();
        RecurrentModel.LossAndGradients exact = reference.lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        RecurrentModel.LossAndGradients single = fast.lossAndGradients(batch.getFeatures().castTo(DataType.FLOAT),
                batch.getLabels().castTo(DataType.FLOAT), VARIABLES);
        assertEquals(exact.loss(), single.loss(), 1e-5 * exact.loss());
        for (String v : VARIABLES) {
            INDArray a = exact.gradients().get(v);
            INDArray b = single.gradients().get(v).castTo(DataType.DOUBLE);
            double err = a.sub(b).norm2Number().doubleValue() / Math.max(1e-12, a.norm2Number().doubleValue());
            assertTrue(err < 1e-5, v + ": relative error " + err);
        }
        assertTrue(reference.states(batch.getFeatures()).equalsWithEps(fast.states(batch.getFeatures().castTo(DataType.FLOAT))
                .castTo(DataType.DOUBLE), 1e-6), "states");
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void reusedWorkBuffersGiveIdenticalGradientsOnARepeatedCall(double leak) {
        RecurrentModel bptt = bothEngines(leak)[1];
        DataSet batch = new RandomSequences(2, 3, 7, 4, 1, 7, DataType.DOUBLE).next();
        RecurrentModel.LossAndGradients first = bptt.lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        java.util.Map<String, INDArray> kept = new java.util.HashMap<>();
        first.gradients().forEach((k, v) -> kept.put(k, v.dup()));
        bptt.forward(new RandomSequences(2, 3, 7, 9, 1, 8, DataType.DOUBLE).next().getFeatures()); // another batch size in between
        RecurrentModel.LossAndGradients second = bptt.lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        for (String v : VARIABLES) {
            assertEquals(kept.get(v), second.gradients().get(v), v);
        }
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void gradientsMatchCentralDifferences(double leak) {
        RecurrentModel bptt = bothEngines(leak)[1];
        DataSet batch = new RandomSequences(2, 3, 7, 4, 1, 6, DataType.DOUBLE).next();
        RecurrentModel.LossAndGradients analytic = bptt.lossAndGradients(batch.getFeatures(), batch.getLabels(), VARIABLES);
        double eps = 1e-6;
        for (String v : VARIABLES) {
            INDArray param = bptt.array(v);
            for (long i = 0; i < param.length(); i++) {
                double original = param.getDouble(i);
                param.putScalar(i, original + eps);
                double plus = bptt.lossAndGradients(batch.getFeatures(), batch.getLabels(), List.of()).loss();
                param.putScalar(i, original - eps);
                double minus = bptt.lossAndGradients(batch.getFeatures(), batch.getLabels(), List.of()).loss();
                param.putScalar(i, original);
                double numeric = (plus - minus) / (2 * eps);
                double exact = analytic.gradients().get(v).getDouble(i);
                assertTrue(Math.abs(numeric - exact) <= 1e-6 * Math.max(1e-3, Math.abs(numeric) + Math.abs(exact)),
                        v + "[" + i + "]: analytic " + exact + " vs numeric " + numeric);
            }
        }
    }

    /** Reading out only the last steps gives, bit for bit, the last steps of the whole forward pass. */
    @org.junit.jupiter.api.Test
    void theReadoutOfTheLastStepsIsTheTailOfTheWholeOutput() {
        ElmanBptt bptt = (ElmanBptt) bothEngines(0.2)[1];
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 2, 7);
        INDArray all = bptt.forward(x);
        INDArray tail = bptt.forward(x, 4);
        assertEquals("[4, 3, 3]", java.util.Arrays.toString(tail.shape()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                all.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 7)).dup().data().asBytes(), tail.data().asBytes());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> bptt.forward(x, 7));
    }
}
