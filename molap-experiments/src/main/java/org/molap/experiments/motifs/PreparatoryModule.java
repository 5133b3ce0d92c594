package org.molap.experiments.motifs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 001's thalamic preparatory module (section 1.6, appendix A.5.1): a rank-P loop U_prep V_prep' added to a
 * network's fixed recurrence g J, trained once, before any motif, to minimise the summed squared rates sum_t |tanh x_t|^2
 * from random states x(0) ~ N(0, I) with no input (minibatches of 64 trials of 20 tau, Adam, 1000 minibatches), then
 * frozen. Its analysis (Fig. 12): the mean rate norm |r(t)| from fresh random states with the module on, and the
 * largest real part of the eigenvalues of g J + U V' against g J alone and against g J_rnd + U V' with a fresh J_rnd of
 * the same statistics (the module is specific to its J: with another, an unstable eigenvalue remains).
 */
final class PreparatoryModule {

    /** Rank P, trials per minibatch, steps per trial (20 tau = 200), minibatches, Adam's rate. */
    record Settings(int rank, int trials, int steps, int iterations, double learningRate) {
        static Settings paper() {
            return new Settings(50, 64, 200, 1000, 1e-3);
        }

        /** Seed 001 section 8's quick profile: P 20, 32 trials of 100 steps, 300 minibatches at 1e-2. */
        static Settings quick() {
            return new Settings(20, 32, 100, 300, 1e-2);
        }
    }

    /**
     * What the module does (Fig. 12), as results.json keeps it.
     *
     * @param rateNorm          mean over the idle trials of |r(t)| after each step t = 1..steps (t = 1 is 0.1 tau)
     * @param maxRealWithModule largest real part of the eigenvalues of g J + U V'
     * @param maxRealWithout    of g J
     * @param maxRealRandomJ    of g J_rnd + U V'
     */
    record Analysis(PhaseRecord phase, double[] rateNorm, double maxRealWithModule, double maxRealWithout, double maxRealRandomJ) {

        /** |r| at step t (1-based, in Euler steps) relative to |r| after the first step. */
        double relativeNorm(int step) {
            return rateNorm[step - 1] / rateNorm[0];
        }
    }

    /**
     * The trained loop U_prep V_prep', its analysis, and the eigenvalues behind it (Fig. 12 a,d): name ->
     * {real parts, imaginary parts} of g J + U V' ("with_module"), g J ("without_module") and g J_rnd + U V' ("random_J").
     */
    record Result(INDArray uPrep, INDArray vPrep, Analysis analysis, Map<String, double[][]> spectra) {
    }

    private PreparatoryModule() {
    }

    /** Trains the module of rank P for the network {@code network} (without module) whose J is {@code j}. */
    static Result train(MotorRateCell.Config network, INDArray j, Settings s, long seed, TrainingListener... listeners) {
        MotorRateCell cell = new MotorRateCell(network.withPreparatoryModule(s.rank()));
        TrainableModel model = Engines.build(cell, 1, s.steps(), DataType.FLOAT, Loss.activityOnly(1), seed, Engines.Engine.AUTO);
        model.array(MotorRateCell.J).assign(j);
        DataSet idle = idle(network.motifs(), s.trials(), s.steps());
        Trainer trainer = new Trainer(new TrainerConfig(s.learningRate(), s.iterations()));
        for (TrainingListener l : listeners) {
            trainer.addListener(l);
        }
        PhaseRecord phase = trainer.fit("preparatory module", model, TrainableSet.of(MotorRateCell.U_PREP, MotorRateCell.V_PREP),
                new RepeatedBatch(idle, s.iterations()));
        INDArray u = model.array(MotorRateCell.U_PREP).dup();
        INDArray v = model.array(MotorRateCell.V_PREP).dup();

        CellModel graph = Unroller.unroll(cell, 1, s.steps(), DataType.FLOAT, Loss.activityOnly(1), seed + 2);
        model.parameters().forEach((name, values) -> graph.array(name).assign(values));
        INDArray rates = graph.observed(idle.getFeatures());                                // [B, N, T]
        double[] norm = rates.norm2(1).mean(0).castTo(DataType.DOUBLE).toDoubleVector();     // mean over trials of |r(t)|
        double g = network.gain();
        INDArray jd = j.castTo(DataType.DOUBLE);
        INDArray loop = u.castTo(DataType.DOUBLE).mmul(v.castTo(DataType.DOUBLE).transpose());
        Random rng = new Random(seed + 3);
        int n = network.units();
        INDArray random = Nd4j.create(DataType.DOUBLE, n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                random.putScalar(a, b, rng.nextGaussian() / Math.sqrt(n));
            }
        }
        Map<String, double[][]> spectra = new LinkedHashMap<>();
        spectra.put("with_module", eigenvalues(jd.mul(g).add(loop)));
        spectra.put("without_module", eigenvalues(jd.mul(g)));
        spectra.put("random_J", eigenvalues(random.mul(g).add(loop)));
        return new Result(u, v, new Analysis(phase, norm, maxReal(spectra.get("with_module")), maxReal(spectra.get("without_module")),
                maxReal(spectra.get("random_J"))), spectra);
    }

    /** Trials with no motif input and the module on at every step: inputs [B, M + 1, T], targets zero. */
    static DataSet idle(int motifs, int trials, int steps) {
        INDArray in = Nd4j.zeros(DataType.FLOAT, trials, motifs + 1, steps);
        in.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(motifs),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(1);
        return new DataSet(in, Nd4j.zeros(DataType.FLOAT, trials, 1, steps));
    }

    /** The largest real part among the eigenvalues of a square matrix. */
    static double maxRealEigenvalue(INDArray matrix) {
        return maxReal(eigenvalues(matrix));
    }

    private static double maxReal(double[][] spectrum) {
        return java.util.Arrays.stream(spectrum[0]).max().orElseThrow();
    }

    /** The eigenvalues of a square matrix as {real parts, imaginary parts} (EJML's general eigen decomposition). */
    static double[][] eigenvalues(INDArray matrix) {
        int n = (int) matrix.rows();
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, matrix.castTo(DataType.DOUBLE).dup('c').data().asDouble());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("The eigen decomposition of a " + n + " x " + n + " matrix did not converge.");
        }
        double[][] out = new double[2][eig.getNumberOfEigenvalues()];
        for (int i = 0; i < out[0].length; i++) {
            out[0][i] = eig.getEigenvalue(i).getReal();
            out[1][i] = eig.getEigenvalue(i).getImaginary();
        }
        return out;
    }
}
