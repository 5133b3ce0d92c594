package org.molap.dl4j;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finite-difference check of the unrolled modular RNN's gradients, in double precision, with the leak a = 0.2 and without (a = 1). */
class RnnGraphGradientTest {

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void gradientsMatchCentralDifferences(double leak) {
        int units = 6;
        int inputs = 2;
        int outputs = 3;
        int steps = 7;
        ModularRnnConfig config = new ModularRnnConfig(units, 2, 1.5, 11);
        RecurrentCore core = RecurrentCore.random(config, DataType.DOUBLE);
        core.bias().assign(org.nd4j.linalg.factory.Nd4j.randn(DataType.DOUBLE, 1, units).muli(0.3));
        Head head = Head.random(units, inputs, outputs, 12, DataType.DOUBLE);
        head.bOut().assign(0.2);
        // Large penalties so that the regularisation terms are checked too.
        RnnGraph graph = RnnGraph.build(new RnnGraph.Shape(units, inputs, outputs, steps, DataType.DOUBLE,
                new Regularisation(1e-2, 1e-1), leak)).load(core, head);
        DataSet batch = new RandomSequences(inputs, outputs, steps, 4, 1, 5, DataType.DOUBLE).next();
        Map<String, INDArray> ph = Map.of(RnnGraph.INPUT, batch.getFeatures(), RnnGraph.TARGET, batch.getLabels());

        List<String> vars = List.of(RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT);
        Map<String, INDArray> grads = graph.sameDiff().calculateGradients(ph, vars);
        double eps = 1e-6;
        int checked = 0;
        for (String v : vars) {
            INDArray param = graph.array(v);
            INDArray grad = grads.get(v);
            for (long i = 0; i < param.length(); i++) {
                double original = param.getDouble(i);
                param.putScalar(i, original + eps);
                double plus = loss(graph, ph);
                param.putScalar(i, original - eps);
                double minus = loss(graph, ph);
                param.putScalar(i, original);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = grad.getDouble(i);
                double scale = Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                assertTrue(Math.abs(numeric - analytic) / scale < 1e-6 || Math.abs(numeric - analytic) < 1e-9,
                        v + "[" + i + "]: analytic " + analytic + " vs numeric " + numeric);
                checked++;
            }
        }
        assertEquals(units * units + units + units * inputs + outputs * units + outputs, checked);
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void statesFollowTheRecurrenceAndTheReadoutReadsThem(double leak) {
        int units = 5;
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(units, 1, 1.5, 3), DataType.DOUBLE);
        core.bias().assign(0.1);
        Head head = Head.random(units, 2, 2, 4, DataType.DOUBLE);
        head.bOut().assign(-0.3);
        RnnGraph graph = RnnGraph.build(new RnnGraph.Shape(units, 2, 2, 6, DataType.DOUBLE, Regularisation.paper(), leak)).load(core, head);
        INDArray x = new RandomSequences(2, 2, 6, 3, 1, 8, DataType.DOUBLE).next().getFeatures();
        INDArray states = graph.states(x);   // [B, N, T]
        INDArray out = graph.forward(x);     // [B, nOut, T]
        for (int b = 0; b < 3; b++) {
            INDArray h = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, units, 1);
            for (int t = 0; t < 6; t++) {
                INDArray xt = x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).reshape(2, 1);
                INDArray rate = org.nd4j.linalg.ops.transforms.Transforms.tanh(core.wRec().mmul(h).add(head.wIn().mmul(xt)).add(core.bias().reshape(units, 1)));
                h = h.mul(1 - leak).add(rate.mul(leak));
                INDArray y = head.wOut().mmul(h).add(head.bOut().reshape(2, 1));
                for (int i = 0; i < units; i++) {
                    assertEquals(h.getDouble(i, 0), states.getDouble(b, i, t), 1e-12, "h[" + b + "," + i + "," + t + "]");
                }
                for (int o = 0; o < 2; o++) {
                    assertEquals(y.getDouble(o, 0), out.getDouble(b, o, t), 1e-12, "y[" + b + "," + o + "," + t + "]");
                }
            }
        }
    }

    private static double loss(RnnGraph graph, Map<String, INDArray> ph) {
        return graph.sameDiff().output(ph, RnnGraph.LOSS).get(RnnGraph.LOSS).getDouble(0);
    }
}
