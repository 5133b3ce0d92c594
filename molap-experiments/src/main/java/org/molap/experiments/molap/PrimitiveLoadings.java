package org.molap.experiments.molap;

import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.export.BarChart;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each pair of latent primitives is made of: the correlation of every corpus channel with its side's
 * variate, over the fit sample (structure coefficients; raw CCA weights are not readable when channels are
 * near copies of each other, as the nine tasks' fixation channels are). Written as arrays, a JSON list of the
 * channel names and one bar chart per side.
 */
final class PrimitiveLoadings {
    private PrimitiveLoadings() {
    }

    /** Writes {prefix}primitive_loadings_{inputs,targets}.npy [channels, r] and their figures. */
    static void write(RunDirectory run, String prefix, LatentPrimitives primitives, Trials fitSample) {
        double[][][] loadings = primitives.loadings(fitSample.inputs(), fitSample.targets());
        String[] sides = {"inputs", "targets"};
        List<List<String>> channels = List.of(fitSample.inputChannels(), fitSample.outputChannels());
        Map<String, Object> names = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            double[][] l = loadings[side];
            String name = prefix + "primitive_loadings_" + sides[side];
            MolapExperiment.npy(Nd4j.createFromArray(l), run.arrays().resolve(name + ".npy"));
            names.put(sides[side], channels.get(side));
            LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
            for (int k = 0; k < primitives.components(); k++) {
                double[] column = new double[l.length];
                for (int c = 0; c < l.length; c++) {
                    column[c] = l[c][k];
                }
                series.put(String.format("%s %d (r = %.4f)", primitives.method() == LatentPrimitives.Method.CCA ? "pair" : "component",
                        k + 1, primitives.canonicalCorrelations()[k]), column);
            }
            BarChart.write(run.figures().resolve(name + ".png"),
                    primitives.method() + " primitives: correlation of each " + (side == 0 ? "input" : "target") + " channel with its variate",
                    "correlation", channels.get(side), series, -1, 1, null);
        }
        run.writeJson(prefix + "primitive_loadings_channels.json", names);
    }
}
