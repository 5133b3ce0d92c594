package org.molap.experiments.robustness;

import org.molap.core.perturb.Perturbation;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a robustness run does to each trained network (seed 000 A.4): the lesion and silencing percentages, the
 * weight-noise sigmas, the draws per level and the seed the draws come from. The same plan gives the same draws in
 * this JVM and in a child JVM, so a sweep split over processes is identical to one run here.
 */
record SweepPlan(double[] percents, double[] sigmas, int draws, long seed) {

    List<PerturbationFamily> families() {
        return PerturbationFamily.paperFamilies(percents, sigmas);
    }

    /**
     * Accuracy [level][draw] of one network for every family, level 0 (the network as trained, shared by the
     * families: noise of sigma 0 changes nothing) first.
     */
    Map<String, double[][]> perturb(PerturbationSweep.Network network, INDArray inputs, INDArray targets, int scored) {
        double unperturbed = PerturbationSweep.accuracy(network, List.of(new Perturbation.WeightNoise(0)), 1, 0,
                inputs, targets, scored)[0][0];
        Map<String, double[][]> byFamily = new LinkedHashMap<>();
        for (PerturbationFamily f : families()) {
            double[][] acc = PerturbationSweep.accuracy(network, f.perturbations(), draws, seed, inputs, targets, scored);
            double[][] withZero = new double[acc.length + 1][];
            withZero[0] = new double[draws];
            Arrays.fill(withZero[0], unperturbed);
            System.arraycopy(acc, 0, withZero, 1, acc.length);
            byFamily.put(f.name(), withZero);
        }
        return byFamily;
    }
}
