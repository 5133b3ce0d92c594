package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example of the README's "Adding an architecture": a new cell is one class plus its test. */
class ExampleCellTest {

    // --- README example: begin
    /** A leaky ReLU network: h_t = (1 - a) h_{t-1} + a relu(W h_{t-1} + U x_t). */
    record LeakyReluCell(int units, int inputs, double a) implements Cell {
        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.of("W", "core", Init.normal(0.9 / Math.sqrt(units)), units, units),
                    ParamSpec.of("U", "core", Init.normal(1 / Math.sqrt(inputs)), units, inputs));
        }

        @Override
        public List<StateSpec> states() {
            return List.of(StateSpec.zero("h", units));
        }

        @Override
        public SDVariable drive(SameDiff sd, Params p, SDVariable x) {   // U x_t for all steps in one product
            return sd.mmul(x, p.get("U"), false, true, false);
        }

        @Override
        public int driveSize() {
            return units;
        }

        @Override
        public SDVariable[] step(Step s) {
            SDVariable h = s.state()[0];
            SDVariable rate = s.sd().nn.relu(s.sd().mmul(h, s.param("W"), false, true, false).add(s.drive()), 0);
            return new SDVariable[] {h.mul(1 - a).add(rate.mul(a))};
        }
    }
    // --- README example: end

    @Test
    void theExampleCellHasCorrectGradients() {
        CellModel m = Unroller.unroll(new LeakyReluCell(5, 2, 0.3), 2, 6, DataType.DOUBLE, Loss.mse(), 1);
        Nd4j.getRandom().setSeed(1);
        int checked = GradientCheck.check(m, Nd4j.randn(DataType.DOUBLE, 3, 2, 6), Nd4j.randn(DataType.DOUBLE, 3, 2, 6), null);
        assertEquals(25 + 10 + 10 + 2, checked);
    }
}
