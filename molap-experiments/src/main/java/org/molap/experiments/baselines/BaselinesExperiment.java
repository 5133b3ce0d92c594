package org.molap.experiments.baselines;

import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.RuleCuedTask;
import org.molap.core.tasks.Task;
import org.molap.dl4j.baselines.SeparateNetwork;
import org.molap.dl4j.dni.DniTraining;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.molap.MolapExperiment;
import org.molap.experiments.molap.MolapMethod;
import org.molap.experiments.molap.MolapSettings;
import org.molap.experiments.molap.ProgressLog;
import org.molap.experiments.molap.TaskScore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * MoLaP against its baselines on the nine tasks (seed 000 section 4, Fig. 1C, Fig. 2A-C, Table 1): MoLaP with
 * CCA primitives, separate networks, DNI continual learning, MoLaP without pre-training and MoLaP with PCA
 * primitives, each scored on the same test sets, with parameters and parameter updates counted from the
 * trainer's records.
 */
public final class BaselinesExperiment implements Experiment {
    static final String MOLAP = "molap";
    /** The name MoLaP's results and networks carry. */
    public static final String MOLAP_METHOD = MOLAP;
    static final String SEPARATE = "separate";
    static final String DNI = "dni";
    static final String NO_PRETRAINING = "molap_no_pretraining";
    static final String PCA = "molap_pca";
    /** Every method, in the order they run and are reported. */
    static final List<String> METHODS = List.of(MOLAP, SEPARATE, DNI, NO_PRETRAINING, PCA);

    @Override
    public String name() {
        return "baselines";
    }

    @Override
    public String summary() {
        return "MoLaP vs separate networks, DNI, no pre-training and PCA: accuracy, parameters, updates";
    }

    @Override
    public java.util.List<org.molap.experiments.RunOption> options() {
        return org.molap.experiments.Options.join(org.molap.experiments.RunOption.COMMON, org.molap.experiments.RunOption.MOLAP,
                java.util.List.of(org.molap.experiments.RunOption.METHODS, org.molap.experiments.RunOption.DNI_ALPHA,
                        org.molap.experiments.RunOption.LR_BASELINES));
    }

    /** IDE entry point: the same as {@code ./molap run baselines [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("baselines", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        BaselineSettings b = BaselineSettings.of(options); // user mistakes surface here, before any file is written
        return RunLifecycle.execute(options, name(), b.describe(), b.seeds(), run -> execute(b, run, console));
    }

    private void execute(BaselineSettings b, RunDirectory run, PrintStream console) {
        long start = System.nanoTime();
        MolapSettings s = b.molap();
        List<MethodResult> methods = train(b, run, console, NetworkSink.NONE);
        Map<String, Object> byMethod = new LinkedHashMap<>();
        methods.forEach(m -> byMethod.put(m.method(), m.json()));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", name());
        results.put("profile", s.profile().id());
        if (byMethod.containsKey(MOLAP)) {
            results.put("tasks", ((Map<?, ?>) byMethod.get(MOLAP)).get("tasks")); // MoLaP's own table, for the standard report
            results.put("timeline", org.molap.experiments.molap.TaskScore.timeline(s.taskConfig(), s.tasks()));
        }
        results.put("methods", byMethod);
        results.put("wall_clock_seconds", (System.nanoTime() - start) / 1e9);
        run.writeJson(RunDirectory.RESULTS, results);
        ComparisonFigures.write(run.figures(), methods, s.tasks());
        console.print(ComparisonTable.accuracy(methods, s.tasks()));
        console.print(ComparisonTable.parameters(methods));
    }

    /**
     * Trains and scores every method of {@code b} in the run, handing each trained network to {@code networks}
     * (the perturbation studies perturb them).
     */
    public static List<MethodResult> train(BaselineSettings b, RunDirectory run, PrintStream console, NetworkSink networks) {
        MolapSettings s = b.molap();
        console.printf("Baselines (%s profile): %d tasks, batch %d, %d task-training iterations per task, run %s%n",
                s.profile().id(), s.tasks().size(), s.phases().batchSize(), s.phases().taskTraining().iterations(), run.path());
        List<MethodResult> methods = new ArrayList<>();
        try (org.molap.experiments.RunRecording metrics = org.molap.experiments.RunRecording.open(run, s.probes().schedule(s))) {
            for (String method : b.methods()) {
                methods.add(switch (method) {
                    case MOLAP -> molap(MOLAP, "MoLaP (CCA)", s, metrics, console, new MolapExperiment.RunFiles(run), networks);
                    case SEPARATE -> separate(b, metrics, console, networks);
                    case DNI -> dni(b, metrics, console, networks);
                    case NO_PRETRAINING -> molap(NO_PRETRAINING, "MoLaP, no pre-training", s.withPrimitives(null), metrics, console,
                            new MolapExperiment.RunFiles(run, NO_PRETRAINING + "-"), networks);
                    case PCA -> molap(PCA, "MoLaP (PCA)", s.withPrimitives(LatentPrimitives.Method.PCA), metrics, console,
                            new MolapExperiment.RunFiles(run, PCA + "-"), networks);
                    default -> throw new IllegalStateException("unknown method " + method);
                });
            }
        }
        return methods;
    }

    /** A MoLaP variant; {@code files} saves its primitives, models, W_rec snapshots and test traces in the run. */
    private static MethodResult molap(String method, String label, MolapSettings s, TrainingListener metrics, PrintStream console,
                                      MolapMethod.Hooks files, NetworkSink networks) {
        console.printf("%n== %s ==%n", label);
        long start = System.nanoTime();
        MolapMethod.Hooks withNetworks = files.andThen(new MolapMethod.Hooks() {
            @Override
            public void taskTrained(Task task, org.molap.dl4j.molap.HeadTraining.Result trained, TaskScore score) {
                networks.accept(NetworkSink.copy(method, task, task.outputChannels().size(),
                        s.testSeed(MolapTasks.names().indexOf(task.name())), trained.model(), s.network().modules()));
            }
        });
        MolapMethod.Outcome outcome = new MolapMethod(s, List.of(prefixed(method, metrics)), console)
                .run(withNetworks);
        return new MethodResult(method, label, outcome.scores(), outcome.phases(), Set.of(RecurrentCore.W_REC, RecurrentCore.BIAS),
                seconds(start));
    }

    private static MethodResult separate(BaselineSettings b, TrainingListener metrics, PrintStream console, NetworkSink networks) {
        console.printf("%n== Separate networks ==%n");
        long start = System.nanoTime();
        MolapSettings s = b.molap();
        Trainer trainer = new Trainer(b.baselineTraining()).addListener(prefixed(SEPARATE, metrics))
                .addListener(new ProgressLog(b.baselineTraining().iterations()));
        SeparateNetwork separate = new SeparateNetwork(new GraphCache(s.engine()), s.phases(), trainer);
        Map<String, TaskScore> scores = new LinkedHashMap<>();
        List<PhaseRecord> phases = new ArrayList<>();
        List<Task> corpus = MolapTasks.corpus(s.taskConfig());
        for (String name : s.tasks()) {
            int index = MolapTasks.names().indexOf(name);
            Task task = corpus.get(index);
            SeparateNetwork.Result trained = separate.train(b.separate().withSeed(b.separateSeed(index)), task, s.taskSeed(index));
            TaskScore score = TaskScore.measure(trained.trained().model(), task, task.outputChannels().size(), s.testTrials(),
                    s.testSeed(index), s.phases().dtype(), trained.trained().record().lastLoss());
            scores.put(name, score);
            phases.add(trained.trained().record());
            networks.accept(NetworkSink.copy(SEPARATE, task, task.outputChannels().size(), s.testSeed(index), trained.trained().model(),
                    s.network().modules()));
            console.println(ProgressLog.describe(trained.trained().record()) + String.format(", test accuracy %.1f%%", 100 * score.accuracy()));
        }
        return new MethodResult(SEPARATE, "Separate networks", scores, phases, Set.of(), seconds(start));
    }

    private static MethodResult dni(BaselineSettings b, TrainingListener metrics, PrintStream console, NetworkSink networks) {
        console.printf("%n== DNI: one network of %d units, tasks in sequence ==%n", b.dni().units());
        long start = System.nanoTime();
        MolapSettings s = b.molap();
        List<Task> chosen = s.tasks().stream().map(n -> MolapTasks.byName(n, s.taskConfig())).toList();
        List<RuleCuedTask> cued = RuleCuedTask.layout(chosen, s.taskConfig().silentSteps());
        RecurrentCore core = RecurrentCore.random(b.dni(), s.phases().dtype());
        Head head = Head.random(b.dni().units(), cued.get(0).inputChannels().size(), cued.get(0).outputChannels().size(),
                s.phases().readoutScale(), b.dni().seed() + 1, s.phases().dtype());
        Map<String, Double> afterLearning = new LinkedHashMap<>();
        AtomicReference<RecurrentModel> last = new AtomicReference<>();
        List<PhaseRecord> phases = new DniTraining(new GraphCache(s.engine()), s.phases(), b.baselineTraining(), b.dniAlpha(),
                b.covarianceTrials())
                .addListener(prefixed(DNI, metrics))
                .addListener(new ProgressLog(b.baselineTraining().iterations()))
                .run(core, head, cued, s.seed() + 8_000, (k, task, model, record) -> {
                    int index = MolapTasks.names().indexOf(task.name());
                    double acc = TaskScore.measure(model, task, task.task().outputChannels().size(), s.testTrials(),
                            s.testSeed(index), s.phases().dtype(), record.lastLoss()).accuracy();
                    afterLearning.put(task.name(), acc);
                    last.set(model);
                    console.println(ProgressLog.describe(record) + String.format(", test accuracy right after it %.1f%%", 100 * acc));
                });
        // The continual-learning score: every task tested with the weights after the last task.
        Map<String, TaskScore> scores = new LinkedHashMap<>();
        for (int k = 0; k < cued.size(); k++) {
            RuleCuedTask task = cued.get(k);
            scores.put(task.name(), TaskScore.measure(last.get(), task, task.task().outputChannels().size(), s.testTrials(),
                    s.testSeed(MolapTasks.names().indexOf(task.name())), s.phases().dtype(), phases.get(k).lastLoss()));
            networks.accept(NetworkSink.copy(DNI, task, task.task().outputChannels().size(),
                    s.testSeed(MolapTasks.names().indexOf(task.name())), last.get(), s.network().modules()));
        }
        console.printf("DNI after all tasks: %s%n", ComparisonTable.inline(scores, afterLearning));
        return new MethodResult(DNI, "DNI", scores, phases,
                Set.of(Head.W_IN, RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_OUT, Head.B_OUT), seconds(start))
                .with("accuracy_right_after_learning", afterLearning);
    }

    /** Tags every metrics line with the method, so the five methods' phases stay apart in metrics.jsonl. */
    private static TrainingListener prefixed(String method, TrainingListener inner) {
        return it -> inner.onIteration(it.inPhase(method + "/" + it.phase()));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
