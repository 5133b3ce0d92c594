package org.molap.dl4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Central differences against a model's automatic gradients, in double precision, for every entry of every parameter. */
final class GradientCheck {
    private GradientCheck() {
    }

    /** Checks all parameters; returns how many entries were checked. Noise and random initial states must be off. */
    static int check(CellModel model, INDArray x, INDArray y, INDArray mask) {
        List<String> names = new ArrayList<>(model.parameters().keySet());
        Map<String, INDArray> grads = model.lossAndGradients(x, y, mask, names).gradients();
        double eps = 1e-6;
        int checked = 0;
        for (String v : names) {
            INDArray param = model.array(v);
            INDArray grad = grads.get(v);
            assertTrue(grad != null, "no gradient for " + v);
            for (long i = 0; i < param.length(); i++) {
                double original = param.getDouble(i);
                param.putScalar(i, original + eps);
                double plus = model.loss(x, y, mask);
                param.putScalar(i, original - eps);
                double minus = model.loss(x, y, mask);
                param.putScalar(i, original);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = grad.getDouble(i);
                double scale = Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                assertTrue(Math.abs(numeric - analytic) / scale < 1e-6 || Math.abs(numeric - analytic) < 1e-9,
                        v + "[" + i + "]: analytic " + analytic + " vs numeric " + numeric);
                checked++;
            }
        }
        return checked;
    }
}
