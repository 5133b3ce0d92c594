package org.molap.dl4j.engine;

import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-derived engine of seed 001's rate networks against the cell's SameDiff graph: every architecture of
 * sections 1.3-1.7, on trials where the motif changes mid-trial (a chain) and the preparation window opens again at
 * the change, under a loss mask; and the preparatory module's activity cost.
 */
class MotorBpttTest {
    private static final int STEPS = 11;
    private static final int UNITS = 5;
    private static final int MOTIFS = 2;

    static Stream<Arguments> architectures() {
        MotorRateCell.Config additive = MotorRateCell.Config.additive(UNITS, MOTIFS).noiseless();
        MotorRateCell.Config multiplicative = MotorRateCell.Config.multiplicative(UNITS, MOTIFS).noiseless();
        List<Arguments> cases = new ArrayList<>();
        for (DataType dtype : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            cases.add(Arguments.of("additive", additive, Loss.mse().masked(), dtype));
            cases.add(Arguments.of("multiplicative", multiplicative, Loss.mse().masked(), dtype));
            cases.add(Arguments.of("additive + prep", additive.withPreparatoryModule(3), Loss.mse().masked(), dtype));
            cases.add(Arguments.of("multiplicative + prep", multiplicative.withPreparatoryModule(3), Loss.mse().masked(), dtype));
            cases.add(Arguments.of("two inputs", MotorRateCell.Config.twoInputs(UNITS, MOTIFS).noiseless(), Loss.mse().masked(), dtype));
            cases.add(Arguments.of("prep module's cost", additive.withPreparatoryModule(3), Loss.activityOnly(1), dtype));
            cases.add(Arguments.of("MSE + activity", multiplicative.withPreparatoryModule(2), Loss.mse().masked().withActivity(0.3), dtype));
        }
        return cases.stream();
    }

    /** In double the engine's ND4J path to 1e-10; in float its Java tanh, to float precision. */
    @ParameterizedTest(name = "{0}, {3}")
    @MethodSource("architectures")
    void lossAndGradientsMatchTheGraph(String name, MotorRateCell.Config config, Loss loss, DataType dtype) {
        double tolerance = dtype == DataType.DOUBLE ? 1e-10 : 1e-4;
        MotorRateCell cell = new MotorRateCell(config);
        TrainableModel fast = Engines.build(cell, 1, STEPS, dtype, loss, 3, Engines.Engine.FAST);
        TrainableModel graph = Engines.build(cell, 1, STEPS, dtype, loss, 3, Engines.Engine.SAMEDIFF);
        assertInstanceOf(MotorBptt.class, fast);
        Nd4j.getRandom().setSeed(4);
        for (String p : List.of(MotorRateCell.B, MotorRateCell.B2)) {
            if (graph.parameters().containsKey(p)) {
                INDArray b = Nd4j.randn(dtype, UNITS, MOTIFS);
                fast.array(p).assign(b);
                graph.array(p).assign(b);
            }
        }
        INDArray x = chains(dtype);
        INDArray y = Nd4j.randn(dtype, 3, 1, STEPS);
        INDArray mask = Nd4j.ones(dtype, 3, STEPS);
        mask.putScalar(2, STEPS - 1, 0);                      // a shorter motif: its last steps are padding
        mask.putScalar(2, STEPS - 2, 0);
        List<String> names = new ArrayList<>(graph.parameters().keySet());
        TrainableModel.LossAndGradients a = graph.lossAndGradients(x, y, loss.usesMask() ? mask : null, names);
        TrainableModel.LossAndGradients f = fast.lossAndGradients(x, y, loss.usesMask() ? mask : null, names);
        assertEquals(a.loss(), f.loss(), tolerance * Math.abs(a.loss()), name);
        for (String n : names) {
            double norm = a.gradients().get(n).norm2Number().doubleValue();
            double err = a.gradients().get(n).sub(f.gradients().get(n)).norm2Number().doubleValue() / Math.max(norm, 1e-30);
            assertTrue(norm == 0 ? err == 0 : err < tolerance, name + ", " + dtype + ", " + n + ": relative error " + err);
        }
    }

    /**
     * Three trials: motif 1 throughout; motif 2 then motif 1 from step 6 (a chain: the window opens for 3 steps at
     * each motif onset); motif 2 throughout. Inputs [3, M + 1, T], the last channel the preparation window.
     */
    static INDArray chains(DataType dtype) {
        INDArray x = Nd4j.zeros(dtype, 3, MOTIFS + 1, STEPS);
        for (int t = 0; t < STEPS; t++) {
            x.putScalar(new int[] {0, 0, t}, 1);
            x.putScalar(new int[] {1, t < 6 ? 1 : 0, t}, 1);
            x.putScalar(new int[] {2, 1, t}, 1);
            x.putScalar(new int[] {0, MOTIFS, t}, t < 3 ? 1 : 0);
            x.putScalar(new int[] {1, MOTIFS, t}, t < 3 || (t >= 6 && t < 9) ? 1 : 0);
            x.putScalar(new int[] {2, MOTIFS, t}, t < 3 ? 1 : 0);
        }
        return x;
    }
}
