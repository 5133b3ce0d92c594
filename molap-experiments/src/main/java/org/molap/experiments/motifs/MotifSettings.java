package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.molap.core.tasks.motifs.Motif;
import org.molap.core.tasks.motifs.OscillatoryMotifs;
import org.molap.core.tasks.motifs.StepMotifs;
import org.molap.dl4j.train.Optimiser;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;
import org.molap.experiments.parallel.NetworkUnits;

/**
 * The numbers of a {@code ./molap run motifs} run (seed 001, sections 1-3 and 8). Paper: ten motifs at full length,
 * the architectures at Table 1's sizes (control 50, additive 300, multiplicative 100 units), 16 trials of each motif per
 * minibatch, 1000 Adam iterations at rate 1e-2 (section 3.2's faster alternative to 1e-3 until a plateau), all motifs
 * in each minibatch (the same training as motif after motif, see MotifLearner), the preparatory module of rank 50
 * trained on 64 trials of 200 steps for 1000 minibatches at 1e-3, 9 random starts and 9 chains per motif, 3 networks.
 * Quick (section 8): four shortened step motifs, additive networks of 100 units with and without the module (rank 20,
 * 32 trials of 100 steps, 300 minibatches at 1e-2), 4 trials per motif, 300 iterations at 1e-2, one network.
 *
 * @param units per architecture id, its N
 */
public record MotifSettings(String profile, List<String> architectures, String family, int motifs, long firstSeed,
                            int networks, Map<String, Integer> units, int trialsPerMotif, int iterations, double learningRate,
                            int prepRank, int prepTrials, int prepSteps, int prepIterations, double prepRate, int testTrials,
                            int preparation, double initialStd) {

    public static MotifSettings paper() {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Architecture a : Architecture.values()) {
            units.put(a.id(), a.paperUnits);
        }
        return new MotifSettings("paper", ids(List.of(Architecture.values())), "step", 10, 1, 3, units, 16, 1000, 1e-2,
                50, 64, 200, 1000, 1e-3, 9, 50, 1.0);
    }

    public static MotifSettings quick() {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Architecture a : Architecture.values()) {
            units.put(a.id(), a.controls() ? 50 : a.loops ? 50 : 100);
        }
        return new MotifSettings("quick", ids(List.of(Architecture.ADDITIVE, Architecture.ADDITIVE_PREP, Architecture.CONTROL,
                Architecture.CONTROL_SEQUENTIAL)), "step",
                4, 1, 1, units,
                4, 300, 1e-2, 20, 32, 100, 300, 1e-2, 9, 50, 1.0);
    }

    /** The profile's settings with the command line's changes. */
    public static MotifSettings of(Options options) {
        MotifSettings s = options.profile() == Profile.PAPER ? paper() : quick();
        List<Architecture> chosen = options.get("architectures") == null ? s.architectureList() : Architecture.list(options.get("architectures"));
        if (Boolean.parseBoolean(options.get("prep"))) {
            List<Architecture> with = new ArrayList<>(chosen);
            for (Architecture a : chosen) {
                Architecture prep = a == Architecture.ADDITIVE ? Architecture.ADDITIVE_PREP : a == Architecture.MULTIPLICATIVE
                        ? Architecture.MULTIPLICATIVE_PREP : null;
                if (prep != null && !with.contains(prep)) {
                    with.add(prep);
                }
            }
            chosen = with;
        }
        String family = options.get("motifs") == null ? s.family : options.get("motifs");
        if (!List.of("step", "oscillatory").contains(family)) {
            throw new UsageException("Option --motifs must be step or oscillatory, got '" + family + "'.");
        }
        Map<String, Integer> units = new LinkedHashMap<>(s.units);
        if (options.integer("units") != null) {
            int n = options.positive("units", 0);
            chosen.forEach(a -> units.put(a.id(), n));
        }
        Double initialStd = options.number("initial-std");
        if (initialStd != null && !(initialStd > 0 && initialStd < 100)) {
            throw new UsageException("Option --initial-std must be a positive standard deviation, got " + initialStd + ".");
        }
        return new MotifSettings(s.profile, ids(chosen), family, s.motifs, options.seed() == null ? s.firstSeed : options.seed(),
                options.positive("networks", s.networks), units, s.trialsPerMotif, options.positive("iterations", s.iterations),
                s.learningRate, s.prepRank, s.prepTrials, s.prepSteps, s.prepIterations, s.prepRate, s.testTrials, s.preparation,
                initialStd == null ? s.initialStd : initialStd);
    }

    private static List<String> ids(List<Architecture> architectures) {
        return architectures.stream().map(Architecture::id).toList();
    }

    List<Architecture> architectureList() {
        return Architecture.list(String.join(",", architectures));
    }

    List<Long> seeds() {
        return NetworkUnits.seeds(firstSeed, networks);
    }

    /** The motif set of a network seed (the same for every architecture of that seed, so they compare in pairs). */
    List<Motif> motifSet(long seed) {
        Random rng = new Random(1_000_003L * seed + 17);
        boolean quick = profile.equals("quick");
        return family.equals("step")
                ? new StepMotifs(quick ? StepMotifs.Config.quick() : StepMotifs.Config.paper()).sample(motifs, rng)
                : new OscillatoryMotifs(quick ? OscillatoryMotifs.Config.quick() : OscillatoryMotifs.Config.paper()).sample(motifs, rng);
    }

    /** One network's settings: its architecture's N, these budgets, the model's steps fitting the longest motif. */
    MotifNetwork.Settings network(Architecture a, List<Motif> set) {
        int steps = set.stream().mapToInt(Motif::length).max().orElseThrow();
        return new MotifNetwork.Settings(units.get(a.id()), prepRank, initialStd,
                new MotifLearner.Settings(trialsPerMotif, iterations, learningRate, Optimiser.adam(), preparation, steps),
                new PreparatoryModule.Settings(prepRank, prepTrials, prepSteps, prepIterations, prepRate), testTrials, false);
    }
}
