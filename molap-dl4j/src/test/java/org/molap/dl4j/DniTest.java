package org.molap.dl4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.RuleCuedTask;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.TaskConfig;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.dni.DniProjection;
import org.molap.dl4j.dni.DniTraining;
import org.molap.dl4j.dni.TaskCovariances;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.TrainerConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamical non-interference: the covariances, the projection, and what it is for. */
class DniTest {

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void theDriveCovarianceIsTheCovarianceOfThePreActivations(double leak) {
        int n = 10;
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(n, 1, 1.2, 3, leak), DataType.DOUBLE);
        core.bias().assign(Nd4j.rand(DataType.DOUBLE, 1, n).subi(0.5));
        Head head = Head.random(n, 2, 2, 4, DataType.DOUBLE);
        RecurrentModel model = ElmanBptt.build(RnnGraph.Shape.of(core, 2, 2, 7, DataType.DOUBLE, Regularisation.none())).load(core, head);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 2, 7).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 5, 2, 7);
        TaskCovariances cov = new TaskCovariances();
        cov.addTask(model, x, y, 2);

        // h_t = (1 - a) h_{t-1} + a tanh(a_t), so a_t = atanh((h_t - (1 - a) h_{t-1}) / a): the drive covariance
        // measured a second, independent way. The leak itself is not a weight and is not projected.
        INDArray h = model.states(x);
        INDArray previous = Nd4j.zeros(DataType.DOUBLE, h.shape());
        previous.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 7))
                .assign(h.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 6)));
        INDArray rates = h.sub(previous.mul(1 - leak)).divi(leak);
        INDArray a = Transforms.atanh(rates, true).permute(0, 2, 1).dup('c').reshape(35, n);
        INDArray expectedDrive = a.transpose().mmul(a).divi(35);
        assertTrue(expectedDrive.equalsWithEps(cov.drive(), 1e-9), "drive covariance");
        INDArray hr = h.permute(0, 2, 1).dup('c').reshape(35, n);
        INDArray hBlock = cov.hidden().get(NDArrayIndex.interval(0, n), NDArrayIndex.interval(0, n));
        assertTrue(hr.transpose().mmul(hr).divi(35).equalsWithEps(hBlock, 1e-12), "hidden covariance");
        assertEquals(1.0, cov.inputs().getDouble(2 + n, 2 + n), 1e-12, "the bias input is a constant 1");

        // A second task enters the running average with weight 1/2.
        INDArray first = cov.targets().dup();
        cov.addTask(model, x, y.mul(2), 2);
        assertTrue(first.mul(2.5).equalsWithEps(cov.targets(), 1e-12), "(S + 4 S) / 2");
    }

    @Test
    void theProjectorShrinksEachEigendirectionByAlphaOverAlphaPlusItsVariance() {
        double alpha = 1e-3;
        double[] variances = {0.5, 1e-3, 0};
        // A rotated diagonal covariance S = Q diag(v) Q'.
        INDArray q = Nd4j.createFromArray(new double[][] {{0.6, -0.8, 0}, {0.8, 0.6, 0}, {0, 0, 1}});
        INDArray s = q.mmul(Nd4j.diag(Nd4j.createFromArray(variances))).mmul(q.transpose());
        INDArray p = DniProjection.projector(s, alpha);
        for (int i = 0; i < 3; i++) {
            INDArray v = q.getColumn(i).reshape(3, 1);
            INDArray pv = p.mmul(v);
            assertTrue(pv.equalsWithEps(v.mul(alpha / (alpha + variances[i])), 1e-12), "eigendirection " + i);
        }
    }

    /** The point of DNI: after learning task 2, task 1 is forgotten far less with the projection than without. */
    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void theProjectionProtectsTheFirstTaskFromTheSecond(double leak) {
        List<Task> corpus = MolapTasks.corpus(TaskConfig.defaults());
        List<RuleCuedTask> pair = RuleCuedTask.layout(List.of(corpus.get(0), corpus.get(1)), TaskConfig.defaults().silentSteps());
        Trials test = pair.get(0).sample(128, new Random(99), DataType.FLOAT);
        double[] rise = new double[2];
        double[] learned = new double[2];
        for (int variant = 0; variant < 2; variant++) {
            Double alpha = variant == 0 ? null : DniProjection.DEFAULT_ALPHA;
            RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(48, 1, 1.3, 5, leak), DataType.FLOAT);
            Head head = Head.random(48, pair.get(0).inputChannels().size(), 3, 6, DataType.FLOAT);
            PhaseSettings settings = new PhaseSettings(32, 110, null, null, Regularisation.paper(), Head.ReadoutScale.FAN_IN, DataType.FLOAT);
            Map<Integer, Double> task1Loss = new HashMap<>();
            new DniTraining(new GraphCache(), settings, new TrainerConfig(1e-2, 150), alpha, 512)
                    .run(core, head, pair, 11, (k, task, model, record) -> task1Loss.put(k, mse(model, test)));
            learned[variant] = task1Loss.get(0);
            rise[variant] = task1Loss.get(1) - task1Loss.get(0);
        }
        System.out.printf("DNI test, leak " + leak + ": task-1 MSE after task 1 %.4f / %.4f; rise after task 2 without projection %.4f, with %.4f%n",
                learned[0], learned[1], rise[0], rise[1]);
        assertEquals(learned[0], learned[1], 1e-9, "the first task trains identically (no projection yet)");
        assertTrue(rise[0] > 0.01, "without projection, learning the anti task should disturb the pro task");
        assertTrue(rise[1] < rise[0] / 3, "the projection should cut the forgetting at least threefold");
    }

    private static double mse(RecurrentModel model, Trials trials) {
        INDArray out = model.forward(trials.inputs());
        return Transforms.pow(out.sub(trials.targets()), 2).meanNumber().doubleValue();
    }
}
