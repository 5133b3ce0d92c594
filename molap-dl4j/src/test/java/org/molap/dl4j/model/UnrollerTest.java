package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unroller's loss family, initial states and noise, on known answers. */
class UnrollerTest {

    /** h_{t+1} = 0.5 h_t + x_t + sigma noise_t, observed as is: every answer is known in closed form. */
    private record DecayCell(StateSpec start, double sigma) implements Cell {
        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public List<StateSpec> states() {
            return List.of(start);
        }

        @Override
        public int inputs() {
            return 1;
        }

        @Override
        public int noiseSize() {
            return sigma > 0 ? 1 : 0;
        }

        @Override
        public SDVariable[] step(Step s) {
            SDVariable next = s.state()[0].mul(0.5).add(s.drive());
            return new SDVariable[] {s.noise() == null ? next : next.add(s.noise().mul(sigma))};
        }
    }

    @Test
    void maskedMseAndCrossEntropyAverageOverTheKeptEntries() {
        CellModel m = Unroller.unroll(new LeakyRnnCell(4, 2, 0.2, 1.5), 2, 5, DataType.DOUBLE, Loss.mse().masked(), 3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2, 5);
        INDArray out = m.forward(x);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, 3, 5);
        mask.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 5)).assign(1);   // the response period: steps 3 and 4
        mask.putScalar(0, 4, 0);                                                 // and trial 0 loses its last step
        double sum = 0;
        int kept = 0;
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                if (mask.getDouble(b, t) == 1) {
                    for (int o = 0; o < 2; o++) {
                        sum += Math.pow(out.getDouble(b, o, t) - y.getDouble(b, o, t), 2);
                        kept++;
                    }
                }
            }
        }
        assertEquals(10, kept);
        assertEquals(sum / kept, m.loss(x, y, mask), 1e-12);
        assertEquals(out.sub(y).norm2Number().doubleValue() * out.sub(y).norm2Number().doubleValue() / 30, m.loss(x, y, null), 1e-12);

        CellModel c = Unroller.unroll(new LeakyRnnCell(4, 2, 0.2, 1.5), 2, 5, DataType.DOUBLE, Loss.bce(), 3);
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).gt(0.5).castTo(DataType.DOUBLE);
        INDArray z = c.forward(x);
        double bce = 0;
        for (int i = 0; i < z.length(); i++) {
            double p = 1 / (1 + Math.exp(-z.getDouble(i)));
            bce -= labels.getDouble(i) * Math.log(p) + (1 - labels.getDouble(i)) * Math.log(1 - p);
        }
        assertEquals(bce / z.length(), c.loss(x, labels, null), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.loss(x, y, Nd4j.ones(DataType.DOUBLE, 3, 4)));
        assertThrows(IllegalArgumentException.class, () -> c.loss(x, labels, mask), "a mask for an unmasked loss");
    }

    @Test
    void learnedInitialStateIsAParameterWithItsGradient() {
        CellModel m = Unroller.unroll(new DecayCell(StateSpec.learned("h", 1, "init"), 0), 1, 4, DataType.DOUBLE, Loss.mse(), 1);
        assertEquals(List.of("h0"), m.parametersIn("init"));
        m.array("h0").assign(0.7);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 1, 4);
        INDArray observed = m.observed(x);
        for (int t = 0; t < 4; t++) {
            assertEquals(0.7 * Math.pow(0.5, t + 1), observed.getDouble(1, 0, t), 1e-15);
        }
        GradientCheck.check(m, Nd4j.rand(DataType.DOUBLE, 2, 1, 4), Nd4j.rand(DataType.DOUBLE, 2, 1, 4), null);
    }

    @Test
    void randomInitialStatesAndNoiseAreDrawnPerTrialAndCall() {
        int batch = 4000;
        CellModel m = Unroller.unroll(new DecayCell(StateSpec.random("h", 1, 2.0), 0.5), 1, 3, DataType.DOUBLE, Loss.mse(), 9);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, batch, 1, 3);
        INDArray first = m.observed(x);
        INDArray second = m.observed(x);
        assertTrue(first.sub(second).amaxNumber().doubleValue() > 0, "fresh draws on every call");
        // Var h_1 = 0.25 * 4 + 0.25 = 1.25; Var h_3 = 0.25^3 * 4 + 0.25 (1 + 0.25 + 0.0625).
        double v1 = first.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(0)).varNumber().doubleValue();
        double v3 = first.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(2)).varNumber().doubleValue();
        assertEquals(1.25, v1, 0.1);
        assertEquals(0.0625 + 0.25 * 1.3125, v3, 0.05);
    }
}
