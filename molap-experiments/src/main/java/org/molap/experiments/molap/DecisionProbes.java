package org.molap.experiments.molap;

import org.molap.core.perturb.LesionScope;
import org.molap.core.perturb.Perturbation;
import org.molap.core.perturb.UnitPartition;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.RuleCuedTask;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.train.Probe;
import org.molap.dl4j.train.ProbeSchedule;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.Options;
import org.molap.experiments.UsageException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Probes of the decisions while a network learns a task (seed 000 sections 4.1-4.2, measured during training rather
 * than only at the end): every {@code every} iterations of a task-training phase, the network's accuracy on
 * {@value #TRIALS} of its task's test trials, which training never sees ("held-out accuracy"; in a {@code --leave-out}
 * run the left-out tasks' phases give the held-out tasks'), and its accuracy with a random p% of W_rec lesioned, the
 * mean over {@value #DRAWS} draws, for each p of {@code lesionPercents}. Off by default ({@code --probe-every}); phases
 * without decisions (pre-training on the primitives) record none.
 */
public record DecisionProbes(int every, double[] lesionPercents) {
    public static final DecisionProbes OFF = new DecisionProbes(0, new double[0]);
    static final int TRIALS = 200;
    static final int DRAWS = 3;
    private static final double[] DEFAULT_LESIONS = {10, 30};

    /** {@code --probe-every n} (none by default) and {@code --probe-lesions p,...} (default 10,30). */
    public static DecisionProbes of(Options options) {
        Integer every = options.integer("probe-every");
        String lesions = options.get("probe-lesions");
        if (every == null) {
            if (lesions != null) {
                throw new UsageException("Option --probe-lesions needs --probe-every <n>: the probes are off without it.");
            }
            return OFF;
        }
        if (every < 1) {
            throw new UsageException("Option --probe-every must be positive, got " + every + ".");
        }
        return new DecisionProbes(every, lesions == null ? DEFAULT_LESIONS : percents(lesions));
    }

    private static double[] percents(String option) {
        try {
            double[] p = Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
            if (Arrays.stream(p).anyMatch(v -> !(v >= 0 && v <= 100))) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("Option --probe-lesions needs percentages from 0 to 100 separated by commas, got '" + option + "'.");
        }
    }

    public boolean on() {
        return every > 0;
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("every", every);
        m.put("lesion_percents", lesionPercents);
        m.put("trials", TRIALS);
        m.put("draws", DRAWS);
        return m;
    }

    /** The schedule for a run of {@code s}: no probes when off. */
    public ProbeSchedule schedule(MolapSettings s) {
        if (!on()) {
            return ProbeSchedule.NONE;
        }
        Targets targets = new Targets(s);
        List<Probe> probes = new ArrayList<>();
        probes.add(Probe.of("held-out accuracy", it -> targets.accuracy(it, List.of(new Perturbation.WeightNoise(0)), 1)));
        for (double p : lesionPercents) {
            probes.add(Probe.of(String.format(java.util.Locale.ROOT, "lesion %.0f%%", p),
                    it -> targets.accuracy(it, List.of(new Perturbation.WeightLesion(new LesionScope.Whole(), p)), DRAWS)));
        }
        return new ProbeSchedule(probes, every);
    }

    /**
     * The task a phase trains, from the phase's name ("task-MemPro", "molap_pca/task-MemPro", "dni-MemPro"), in the
     * layout of the model being trained (DNI's rule-cued tasks have more inputs), and its probe trials.
     */
    private static final class Targets {
        private final MolapSettings s;
        private final List<Task> corpus;
        private final List<RuleCuedTask> cued;
        private final Map<Task, Trials> trials = new IdentityHashMap<>();

        Targets(MolapSettings s) {
            this.s = s;
            this.corpus = MolapTasks.corpus(s.taskConfig());
            this.cued = RuleCuedTask.layout(s.tasks().stream().map(n -> MolapTasks.byName(n, s.taskConfig())).toList(),
                    s.taskConfig().silentSteps());
        }

        /** The mean accuracy over the draws of the levels; NaN where the phase trains no decisions. */
        double accuracy(TrainingListener.Iteration it, List<Perturbation> levels, int draws) {
            if (!(it.model() instanceof RecurrentModel model)) {
                return Double.NaN;
            }
            String name = it.phase().substring(Math.max(it.phase().lastIndexOf('-'), it.phase().lastIndexOf('/')) + 1);
            int index = MolapTasks.names().indexOf(name);
            Task task = index < 0 ? null : corpus.get(index).inputChannels().size() == model.shape().inputs() ? corpus.get(index)
                    : cued.stream().filter(c -> c.name().equals(name) && c.inputChannels().size() == model.shape().inputs()).findFirst().orElse(null);
            if (task == null) {
                return Double.NaN;
            }
            Trials test = trials.computeIfAbsent(task, t -> t.sample(TRIALS, new Random(s.testSeed(index)), s.phases().dtype()));
            PerturbationSweep.Network network = new PerturbationSweep.Network(model.shape(), model.parameters(),
                    new UnitPartition(model.shape().units(), 1));
            int scored = corpus.get(index).outputChannels().size();
            double[][] acc = PerturbationSweep.accuracy(network, levels, draws, it.iteration(), test.inputs(), test.targets(), scored);
            return Arrays.stream(acc).flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
        }
    }
}
