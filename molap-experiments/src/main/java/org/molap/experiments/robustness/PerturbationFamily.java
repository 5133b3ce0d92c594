package org.molap.experiments.robustness;

import org.molap.core.perturb.LesionScope;
import org.molap.core.perturb.Perturbation;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One curve family of seed 000's Figs. 3, 4 and S1-S5: a kind of perturbation (weight lesions in a scope, activity
 * silencing, weight noise) at increasing levels. Level 0, the unperturbed network, is shared by every family.
 */
record PerturbationFamily(String name, String axis, double[] levels, DoubleFunction<Perturbation> at) {

    /** The families of the paper for a network in two modules: M1, M2, inter-module and global lesions, silencing, noise. */
    static List<PerturbationFamily> paperFamilies(double[] percents, double[] sigmas) {
        return List.of(
                lesion("M1 lesion", new LesionScope.Module(0), percents),
                lesion("M2 lesion", new LesionScope.Module(1), percents),
                lesion("inter-module lesion", new LesionScope.InterModule(), percents),
                lesion("global lesion", new LesionScope.Whole(), percents),
                new PerturbationFamily("silencing", "% of units silenced", percents, Perturbation.ActivitySilencing::new),
                new PerturbationFamily("weight noise", "sigma of the noise added to W_rec", sigmas, Perturbation.WeightNoise::new));
    }

    private static PerturbationFamily lesion(String name, LesionScope scope, double[] percents) {
        return new PerturbationFamily(name, "% of " + scope.label() + " weights lesioned", percents,
                p -> new Perturbation.WeightLesion(scope, p));
    }

    List<Perturbation> perturbations() {
        return java.util.Arrays.stream(levels).mapToObj(at).toList();
    }
}
