package org.molap.experiments.baselines;

import org.molap.dl4j.dni.DniProjection;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;
import org.molap.experiments.molap.MolapSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the comparison (seed 000 section 4, A.2; REFERENCE.md section 1 "Baselines"). MoLaP and its
 * variants use {@link MolapSettings}; the baselines share its profile, tasks, batch, schedule, test sets and
 * dynamics (the leak {@code --alpha}: every method runs the same network equation).
 *
 * @param separate         one N = 100 network per task (the MoLaP network's size and gain), every weight trained
 * @param dni              the one DNI network: twice MoLaP's units (seed 000 A.2: 200 for N = 100), g = 1.3 (REFERENCE.md)
 * @param baselineTraining Adam at 3e-3 (A.2.3) with MoLaP's task-training iterations and stages
 * @param covarianceTrials trials per task for DNI's covariances (8192 in Duncker et al.)
 * @param methods          the methods to run ({@code --methods}; default all five)
 */
public record BaselineSettings(MolapSettings molap, ModularRnnConfig separate, ModularRnnConfig dni,
                               TrainerConfig baselineTraining, double dniAlpha, int covarianceTrials, List<String> methods) {
    static final double BASELINE_LEARNING_RATE = 3e-3;
    static final double DNI_GAIN = 1.3;

    public static BaselineSettings of(Options options) {
        MolapSettings molap = MolapSettings.of(options);
        TrainerConfig tasks = molap.phases().taskTraining();
        boolean paper = molap.profile() == Profile.PAPER;
        return new BaselineSettings(molap,
                new ModularRnnConfig(molap.network().units(), 1, molap.network().g(), molap.seed() + 5_000, molap.network().leak()),
                new ModularRnnConfig(2 * molap.network().units(), 1, DNI_GAIN, molap.seed() + 7_000, molap.network().leak()),
                new TrainerConfig(MolapSettings.learningRate(options, "lr-baselines", BASELINE_LEARNING_RATE), tasks.iterations(),
                        tasks.stageLength(), tasks.decay()),
                dniAlpha(options), paper ? 2048 : 256, methods(options.get("methods")));
    }

    /** {@code --dni-alpha}: the strength alpha of DNI's projections P = (S / alpha + I)^-1 (Duncker et al. 2020: 1e-3). */
    static double dniAlpha(Options options) {
        Double alpha = options.number("dni-alpha");
        if (alpha == null) {
            return DniProjection.DEFAULT_ALPHA;
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new UsageException("Option --dni-alpha must be a positive number, got " + alpha + ".");
        }
        return alpha;
    }

    static List<String> methods(String option) {
        if (option == null) {
            return BaselinesExperiment.METHODS;
        }
        List<String> chosen = Arrays.stream(option.split(",")).map(String::trim).filter(m -> !m.isEmpty()).distinct().toList();
        for (String m : chosen) {
            if (!BaselinesExperiment.METHODS.contains(m)) {
                throw new UsageException("Unknown method '" + m + "'; methods are " + String.join(", ", BaselinesExperiment.METHODS) + ".");
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageException("Option --methods needs at least one of " + String.join(", ", BaselinesExperiment.METHODS) + ".");
        }
        return chosen;
    }

    /** Network seed of the separate network of task {@code index}. */
    long separateSeed(int index) {
        return separate.seed() + 10L * index;
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(molap.describe());
        m.put("methods", methods);
        m.put("separate_networks", Map.of("units", separate.units(), "g", separate.g(),
                "optimizer", MolapSettings.optimiserJson(baselineTraining)));
        m.put("dni", Map.of("units", dni.units(), "g", dni.g(), "alpha", dniAlpha, "covariance_trials", covarianceTrials,
                "optimizer", MolapSettings.optimiserJson(baselineTraining), "rule_inputs", "one-hot, on after the silent steps"));
        return m;
    }

    public Map<String, Object> seeds() {
        Map<String, Object> m = new LinkedHashMap<>(molap.seeds());
        m.put("separate_networks", "seed + 5000 + 10 * task index");
        m.put("dni_network", dni.seed());
        return m;
    }
}
