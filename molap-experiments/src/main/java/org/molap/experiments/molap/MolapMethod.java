package org.molap.experiments.molap;

import org.molap.core.corpus.TaskCorpus;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.molap.HeadTraining;
import org.molap.dl4j.molap.ModulePretraining;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainingListener;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The MoLaP protocol of seed 000 as one method: latent primitives fitted once on the corpus (section 3.3,
 * A.2.1), sequential module pre-training, a new head per task on the frozen core (A.2.3), and the test-set
 * score of every task (A.3). Without primitives the modules stay at their random initialisation.
 */
public final class MolapMethod {
    /** Where a caller can save what the method produces; every hook is optional. */
    public interface Hooks {
        /** The primitives and the corpus sample they were fitted on. */
        default void primitivesFitted(LatentPrimitives primitives, Trials fitSample) {
        }

        default void coreInitialised(RecurrentCore core) {
        }

        default void moduleTrained(int module, RecurrentModel model, PhaseRecord record) {
        }

        default void coreReady(RecurrentCore core) {
        }

        default void taskTrained(Task task, HeadTraining.Result trained, TaskScore score) {
        }

        /** These hooks, then {@code next}'s, at every point. */
        default Hooks andThen(Hooks next) {
            Hooks first = this;
            return new Hooks() {
                @Override
                public void primitivesFitted(LatentPrimitives primitives, Trials fitSample) {
                    first.primitivesFitted(primitives, fitSample);
                    next.primitivesFitted(primitives, fitSample);
                }

                @Override
                public void coreInitialised(RecurrentCore core) {
                    first.coreInitialised(core);
                    next.coreInitialised(core);
                }

                @Override
                public void moduleTrained(int module, RecurrentModel model, PhaseRecord record) {
                    first.moduleTrained(module, model, record);
                    next.moduleTrained(module, model, record);
                }

                @Override
                public void coreReady(RecurrentCore core) {
                    first.coreReady(core);
                    next.coreReady(core);
                }

                @Override
                public void taskTrained(Task task, HeadTraining.Result trained, TaskScore score) {
                    first.taskTrained(task, trained, score);
                    next.taskTrained(task, trained, score);
                }
            };
        }
    }

    /** What the method did: a score per task, every phase record, the primitives (null without pre-training). */
    public record Outcome(Map<String, TaskScore> scores, List<PhaseRecord> phases, LatentPrimitives primitives, int graphsBuilt) {
    }

    private final MolapSettings s;
    private final List<TrainingListener> listeners;
    private final PrintStream console;

    public MolapMethod(MolapSettings settings, List<TrainingListener> listeners, PrintStream console) {
        this.s = settings;
        this.listeners = listeners;
        this.console = console;
    }

    public Outcome run(Hooks hooks) {
        List<Task> corpusTasks = MolapTasks.corpus(s.taskConfig());
        TaskCorpus corpus = new TaskCorpus(corpusTasks).without(s.leftOut());   // what the primitives and modules see
        Trials fitSample = s.pretrains()
                ? corpus.sampleSideBySide(s.fitTrialsPerTask(), new Random(s.corpusFitSeed()), s.phases().dtype()) : null;
        LatentPrimitives primitives = s.pretrains() ? fitPrimitives(fitSample) : null;
        if (primitives != null) {
            hooks.primitivesFitted(primitives, fitSample);
        }
        RecurrentCore core = RecurrentCore.random(s.network(), s.phases().dtype());
        hooks.coreInitialised(core);
        GraphCache graphs = new GraphCache(s.engine());
        List<PhaseRecord> phases = new ArrayList<>();
        if (primitives != null) {
            Trainer trainer = trainer(s.phases().pretraining());
            phases.addAll(new ModulePretraining(graphs, s.phases(), trainer).run(core, corpus, primitives,
                    s.pretrainingSeed(), (k, model, record) -> {
                        console.println(ProgressLog.describe(record));
                        hooks.moduleTrained(k, model, record);
                    }));
        }
        hooks.coreReady(core);

        HeadTraining heads = new HeadTraining(graphs, s.phases(), trainer(s.phases().taskTraining()));
        Map<String, TaskScore> scores = new LinkedHashMap<>();
        for (String name : s.tasks()) {
            int index = MolapTasks.names().indexOf(name);
            Task task = corpusTasks.get(index);
            HeadTraining.Result trained = heads.train(core, task, s.taskSeed(index));
            phases.add(trained.record());
            TaskScore score = TaskScore.measure(trained.model(), task, task.outputChannels().size(), s.testTrials(),
                    s.testSeed(index), s.phases().dtype(), trained.record().lastLoss());
            scores.put(name, score);
            console.println(ProgressLog.describe(trained.record()) + String.format(", test accuracy %.1f%%", 100 * score.accuracy()));
            hooks.taskTrained(task, trained, score);
        }
        return new Outcome(scores, phases, primitives, graphs.size());
    }

    private Trainer trainer(TrainerConfig config) {
        Trainer t = new Trainer(config);
        listeners.forEach(t::addListener);
        return t.addListener(new ProgressLog(config.iterations()));
    }

    private LatentPrimitives fitPrimitives(Trials fitSample) {
        int r = s.network().modules();
        LatentPrimitives primitives = s.fixationInPrimitives()
                ? LatentPrimitives.fit(fitSample.inputs(), fitSample.targets(), r, s.primitives())
                : LatentPrimitives.fit(fitSample.inputs(), fitSample.targets(), r, s.primitives(),
                        withoutFixation(fitSample.inputChannels()), withoutFixation(fitSample.outputChannels()));
        console.printf("%s on %d samples of %d channels%s: %s %s%n", s.primitives(), fitSample.batchSize() * fitSample.steps(),
                fitSample.inputs().size(1) + fitSample.targets().size(1), s.fixationInPrimitives() ? "" : " (fixation channels left out)",
                s.primitives() == LatentPrimitives.Method.CCA ? "canonical correlations" : "input/target score correlations",
                ProgressLog.format(primitives.canonicalCorrelations()));
        return primitives;
    }

    /** Indices of the corpus channels other than the tasks' fixation channels ("DelayPro/fixation", ...). */
    static int[] withoutFixation(List<String> channels) {
        return java.util.stream.IntStream.range(0, channels.size()).filter(i -> !channels.get(i).endsWith("/fixation")).toArray();
    }
}
