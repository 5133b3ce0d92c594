package org.molap.experiments.molap;

import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.TaskConfig;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a MoLaP run depends on. The {@code paper} profile holds seed 000's values (A.2, A.3);
 * {@code quick} shrinks batch, iterations and test sets so a newcomer sees results in minutes.
 *
 * @param primitives       CCA (the paper), PCA (seed 000 A.2.2), or null for no pre-training (modules stay random)
 * @param fitTrialsPerTask trials of each task in the corpus sample that CCA/PCA is fitted on, once
 * @param testTrials       test trials per task, drawn from a seed separate from training (A.3: 2000)
 * @param fixationInPrimitives whether the CCA/PCA fit sees the fixation channels (the paper: every channel);
 *                         {@code --primitive-channels no-fixation} leaves them out
 * @param leftOut          tasks kept out of the corpus the primitives are fitted on and the modules pre-trained on
 *                         ({@code --leave-out}, seed 000 section 4.2); their heads are still trained and scored
 * @param probes           accuracy probes while the heads train ({@code --probe-every}; off by default)
 */
public record MolapSettings(Profile profile, ModularRnnConfig network, PhaseSettings phases,
                            LatentPrimitives.Method primitives, int fitTrialsPerTask, int testTrials,
                            List<String> tasks, long seed, TaskConfig taskConfig, GraphCache.Engine engine,
                            boolean fixationInPrimitives, List<String> leftOut, DecisionProbes probes) {
    /** Learning-rate factor between stages (the authors' code: 0.333333; seed 000 Table 2 names the stage length). */
    static final double LR_DECAY = 1.0 / 3;

    public static MolapSettings of(Options options) {
        Profile profile = options.profile();
        long seed = options.seed() == null ? 1 : options.seed();
        int units = options.integer("units") == null ? 100 : options.integer("units");
        int modules = options.integer("modules") == null ? 2 : options.integer("modules");
        double g = options.number("g") == null ? 1.5 : options.number("g");
        ModularRnnConfig network;
        try {
            network = new ModularRnnConfig(units, modules, g, seed, leak(options));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean paper = profile == Profile.PAPER;
        int batch = options.positive("batch", paper ? 200 : 64);
        // Seed 000 Table 2: iterations per learning-rate stage; the stage counts are the authors' (nstep_sizes).
        int pretrainIterations = options.positive("iterations", paper ? 200 : 80);
        int taskIterations = options.positive("iterations", paper ? 200 : 100);
        int pretrainStages = options.positive("stages", paper ? 5 : 1);
        int taskStages = options.positive("stages", paper ? 10 : 1);
        PhaseSettings phases = new PhaseSettings(batch, TaskConfig.defaults().steps(),
                TrainerConfig.staged(learningRate(options, "lr-pretrain", 3e-3), pretrainStages, pretrainIterations, LR_DECAY),
                TrainerConfig.staged(learningRate(options, "lr-tasks", 1e-2), taskStages, taskIterations, LR_DECAY),
                Regularisation.paper(), Head.ReadoutScale.FAN_IN, DataType.FLOAT);
        return new MolapSettings(profile, network, phases, primitives(options.get("primitives")),
                paper ? 1000 : 200, paper ? 2000 : 500, tasks(options.get("tasks")), seed, taskConfig(options),
                engine(options.get("engine")), fixationInPrimitives(options.get("primitive-channels")), leftOut(options.get("leave-out")),
                DecisionProbes.of(options));
    }

    /** {@code --leave-out a,b}: tasks (names or T1..T9) the primitives never see; not all nine. */
    static List<String> leftOut(String option) {
        if (option == null) {
            return List.of();
        }
        List<String> names = tasks(option);
        if (names.size() >= MolapTasks.names().size()) {
            throw new UsageException("Option --leave-out must keep at least one task for the primitives, got all " + names.size() + ".");
        }
        return names;
    }

    /** A learning-rate option: positive and finite, or {@code fallback} when not given (seed 000 A.2's rates). */
    public static double learningRate(Options options, String key, double fallback) {
        Double rate = options.number(key);
        if (rate == null) {
            return fallback;
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("Option --" + key + " (a learning rate) must be a positive number, got " + rate + ".");
        }
        return rate;
    }

    /**
     * {@code --alpha a}: the leak a = dt / tau of h_t = (1 - a) h_{t-1} + a tanh(...). Default 0.2, from Yang et al.
     * 2019 (dt 20 ms, tau 100 ms), the source of seed 000's tasks; 1 is seed 000 Eq. 1 as printed (no leak).
     */
    public static double leak(Options options) {
        Double a = options.number("alpha");
        if (a == null) {
            return ModularRnnConfig.YANG_LEAK;
        }
        if (!(a > 0 && a <= 1)) {
            throw new UsageException("Option --alpha (the leak dt / tau) must be in (0, 1], got " + a + "; 1 is seed 000 Eq. 1 without a leak.");
        }
        return a;
    }

    private static LatentPrimitives.Method primitives(String option) {
        if (option == null) {
            return LatentPrimitives.Method.CCA;
        }
        return switch (option.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cca" -> LatentPrimitives.Method.CCA;
            case "pca" -> LatentPrimitives.Method.PCA;
            case "none" -> null;
            default -> throw new UsageException("Unknown primitives '" + option + "': use cca, pca or none.");
        };
    }

    /**
     * The task corpus: {@code --mem-delay real} (default, REFERENCE.md section 1) or {@code none} (the authors'
     * code: stimulus until the go cue); {@code --context-streams independent} (default) or {@code same-angles}
     * (the authors' code: the second stream is the sin of the first stream's angles).
     */
    static TaskConfig taskConfig(Options options) {
        TaskConfig config = TaskConfig.defaults();
        String delay = options.get("mem-delay");
        if (delay != null && delay.trim().equalsIgnoreCase("none")) {
            config = config.withoutMemDelay();
        } else if (delay != null && !delay.trim().equalsIgnoreCase("real")) {
            throw new UsageException("Unknown --mem-delay '" + delay + "': use real (a memory delay, the default) or none (the authors' code).");
        }
        String streams = options.get("context-streams");
        if (streams != null && streams.trim().equalsIgnoreCase("same-angles")) {
            config = config.withStreamsSharingAngles(true);
        } else if (streams != null && !streams.trim().equalsIgnoreCase("independent")) {
            throw new UsageException("Unknown --context-streams '" + streams + "': use independent (the default) or same-angles (the authors' code).");
        }
        return config;
    }

    /** {@code --primitive-channels all} (the paper's fit on every channel, default) or {@code no-fixation}. */
    static boolean fixationInPrimitives(String option) {
        if (option == null || option.trim().equalsIgnoreCase("all")) {
            return true;
        }
        if (option.trim().equalsIgnoreCase("no-fixation")) {
            return false;
        }
        throw new UsageException("Unknown --primitive-channels '" + option + "': use all (the paper's fit, default) or no-fixation.");
    }

    /** {@code --engine bptt} (hand-derived BPTT, default) or {@code samediff} (the autodiff graph); same math. */
    static GraphCache.Engine engine(String option) {
        if (option == null) {
            return GraphCache.Engine.BPTT;
        }
        return switch (option.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "bptt" -> GraphCache.Engine.BPTT;
            case "samediff" -> GraphCache.Engine.SAMEDIFF;
            default -> throw new UsageException("Unknown --engine '" + option + "': use bptt or samediff.");
        };
    }

    /** The same settings with other latent primitives (null: no pre-training). */
    public MolapSettings withPrimitives(LatentPrimitives.Method method) {
        return new MolapSettings(profile, network, phases, method, fitTrialsPerTask, testTrials, tasks, seed, taskConfig, engine,
                fixationInPrimitives, leftOut, probes);
    }

    /** The same settings with primitives fitted without {@code leftOut}, training and scoring only {@code heads}. */
    public MolapSettings leavingOut(List<String> leftOut, List<String> heads) {
        return new MolapSettings(profile, network, phases, primitives, fitTrialsPerTask, testTrials, heads, seed, taskConfig, engine,
                fixationInPrimitives, List.copyOf(leftOut), probes);
    }

    public boolean pretrains() {
        return primitives != null;
    }

    static List<String> tasks(String option) {
        if (option == null) {
            return MolapTasks.names();
        }
        try {
            List<String> tasks = Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(n -> MolapTasks.byName(n, TaskConfig.defaults()).name()).distinct().toList();
            if (tasks.isEmpty()) {
                throw new UsageException("Option --tasks needs at least one task (names or T1..T9); leave it out for all nine.");
            }
            return tasks;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Seeds of every random stream, recorded in the manifest. Test sets use seeds no training stream uses. */
    public long networkSeed() {
        return seed;
    }

    public long corpusFitSeed() {
        return seed + 1_000;
    }

    public long pretrainingSeed() {
        return seed + 2_000;
    }

    public long taskSeed(int taskIndex) {
        return seed + 3_000 + 10L * taskIndex;
    }

    public long testSeed(int taskIndex) {
        return seed + 9_000_000 + taskIndex;
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile.id());
        m.put("units", network.units());
        m.put("modules", network.modules());
        m.put("g", network.g());
        m.put("alpha", network.leak());
        m.put("batch_size", phases.batchSize());
        m.put("steps", phases.steps());
        m.put("pretraining", optimiserJson(phases.pretraining()));
        m.put("task_training", optimiserJson(phases.taskTraining()));
        m.put("engine", engine.name());
        m.put("readout_init", phases.readoutScale().name());
        m.put("l2", phases.regularisation().l2());
        m.put("activity_regularisation", phases.regularisation().activity());
        m.put("primitives", pretrains() ? primitives.name() : "NONE");
        m.put("components", network.modules());
        m.put("primitive_channels", fixationInPrimitives ? "all" : "no-fixation");
        if (!leftOut.isEmpty()) {       // only when used, so that earlier runs' recorded configurations still match
            m.put("primitives_left_out", leftOut);
        }
        if (probes.on()) {
            m.put("probes", probes.describe());
        }
        m.put("fit_trials_per_task", fitTrialsPerTask);
        m.put("test_trials", testTrials);
        m.put("tasks", tasks);
        m.put("mem_delay", taskConfig.memStimulusMaxSteps() < taskConfig.goCue() - taskConfig.stimulusOnset() ? "real" : "none");
        m.put("context_streams", taskConfig.streamsShareAngles() ? "same-angles" : "independent");
        m.put("task_config", taskConfig.toString());
        return m;
    }

    public static Map<String, Object> optimiserJson(TrainerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", "Adam");
        m.put("learning_rate", c.learningRate());
        m.put("iterations", c.iterations());
        m.put("stages", c.stages());
        m.put("iterations_per_stage", c.stageLength());
        m.put("decay_per_stage", c.decay());
        return m;
    }

    public Map<String, Object> seeds() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("network", networkSeed());
        m.put("corpus_fit", corpusFitSeed());
        m.put("pretraining", pretrainingSeed());
        m.put("task_training", "seed + 3000 + 10 * task index");
        m.put("test", "seed + 9000000 + task index");
        return m;
    }
}
