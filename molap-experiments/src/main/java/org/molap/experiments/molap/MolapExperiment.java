package org.molap.experiments.molap;

import org.molap.core.corpus.TaskCorpus;
import org.molap.core.metrics.DecisionAccuracy;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.run.JsonLines;
import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.molap.Evaluation;
import org.molap.dl4j.molap.HeadTraining;
import org.molap.dl4j.molap.ModulePretraining;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainingDivergedException;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.export.RunReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The MoLaP pipeline of seed 000: corpus, CCA primitives fitted once, sequential module pre-training,
 * head-only task training, and decision accuracy on separate 2000-trial test sets.
 */
public final class MolapExperiment implements Experiment {
    private static final int SAVED_TRACES = 20;

    @Override
    public String name() {
        return "molap";
    }

    @Override
    public String summary() {
        return "MoLaP end to end: CCA primitives, module pre-training, task heads, per-task accuracy";
    }

    /** IDE entry point: the same as {@code ./molap run molap [options]}. */
    public static void main(String[] args) {
        org.molap.experiments.Cli.runFromIde("molap", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MolapSettings s = MolapSettings.of(options); // every user mistake surfaces here, before any file is written
        RunDirectory run = RunDirectory.create(options.out(), name());
        try {
            run.recordInManifest("profile", s.profile().id());
            Provenance.collect(Path.of("")).forEach(run::recordInManifest);
            run.recordInManifest("config", s.describe());
            run.recordInManifest("seeds", s.seeds());
            run.recordInManifest("options", options.asMap());
            execute(s, run, console);
            RunReport.render(run.path());
            run.complete();
            return run.path();
        } catch (TrainingDivergedException e) {
            run.fail(e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            run.fail(String.valueOf(e));
            throw e;
        }
    }

    private void execute(MolapSettings s, RunDirectory run, PrintStream console) {
        long start = System.nanoTime();
        List<Task> corpusTasks = MolapTasks.corpus(s.taskConfig());
        TaskCorpus corpus = new TaskCorpus(corpusTasks);
        console.printf("MoLaP (%s profile): N = %d in %d modules, batch %d, %d + %d iterations, run %s%n",
                s.profile().id(), s.network().units(), s.network().modules(), s.phases().batchSize(),
                s.phases().pretraining().iterations(), s.phases().taskTraining().iterations(), run.path());

        // 1. Latent primitives: CCA fitted once on the whole corpus (seed 000 section 3.3, A.2.1).
        LatentPrimitives primitives = s.pretrains() ? fitPrimitives(s, corpus, run, console) : null;

        RecurrentCore core = RecurrentCore.random(s.network(), s.phases().dtype());
        npy(core.wRec(), run.arrays().resolve("W_rec_initial.npy"));
        GraphCache graphs = new GraphCache(s.engine());
        List<PhaseRecord> phases = new ArrayList<>();
        try (JsonLines metrics = run.openJsonLines("metrics.jsonl")) {
            Trainer trainer = new Trainer(s.phases().pretraining()).addListener(new MetricsLog(metrics))
                    .addListener(new ProgressLog(console, 50, s.phases().pretraining().iterations()));

            // 2. Sequential module pre-training (seed 000 section 3.1, A.2.1); without primitives the modules stay random.
            if (primitives != null) {
                phases.addAll(new ModulePretraining(graphs, s.phases(), trainer).run(core, corpus, primitives, s.pretrainingSeed(),
                        (k, graph, record) -> {
                            graphs.save(graph, run.models().resolve(record.phase() + ".fb").toFile());
                            console.println(describe(record));
                        }));
            }
            npy(core.wRec(), run.arrays().resolve("W_rec_pretrained.npy"));

            // 3. Task training: a new head per task on the frozen core (seed 000 section 3.4, A.2.3), then the test set (A.3).
            Trainer headTrainer = new Trainer(s.phases().taskTraining()).addListener(new MetricsLog(metrics))
                    .addListener(new ProgressLog(console, 50, s.phases().taskTraining().iterations()));
            HeadTraining heads = new HeadTraining(graphs, s.phases(), headTrainer);
            Map<String, Object> taskResults = new LinkedHashMap<>();
            for (String name : s.tasks()) {
                int index = MolapTasks.names().indexOf(name);
                Task task = corpusTasks.get(index);
                HeadTraining.Result trained = heads.train(core, task, s.taskSeed(index));
                graphs.save(trained.model(), run.models().resolve(trained.record().phase() + ".fb").toFile());
                phases.add(trained.record());
                Trials test = task.sample(s.testTrials(), new Random(s.testSeed(index)), s.phases().dtype());
                INDArray outputs = Evaluation.outputs(trained.model(), test.inputs(), 500);
                double[] perUnit = DecisionAccuracy.perUnit(outputs, test.targets(), DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.PAPER_TOLERANCE);
                double accuracy = java.util.Arrays.stream(perUnit).average().orElse(Double.NaN);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("accuracy", accuracy);
                r.put("per_unit_accuracy", perUnit);
                r.put("output_channels", test.outputChannels());
                r.put("test_trials", s.testTrials());
                r.put("final_training_loss", trained.record().lastLoss());
                taskResults.put(name, r);
                npy(head(outputs), run.arrays().resolve("test_outputs_" + name + ".npy"));
                npy(head(test.targets()), run.arrays().resolve("test_targets_" + name + ".npy"));
                console.println(describe(trained.record()) + String.format(", test accuracy %.1f%%", 100 * accuracy));
            }

            Map<String, Object> results = new LinkedHashMap<>();
            results.put("experiment", name());
            results.put("profile", s.profile().id());
            results.put("tasks", taskResults);
            results.put("canonical_correlations", primitives == null ? new double[0] : primitives.canonicalCorrelations());
            results.put("primitives", s.pretrains() ? s.primitives().name() : "NONE");
            results.put("phases", phases.stream().map(MolapExperiment::phaseMap).toList());
            results.put("graphs_built", graphs.size());
            results.put("wall_clock_seconds", (System.nanoTime() - start) / 1e9);
            run.writeJson("results.json", results);
            console.print(AccuracyTable.render(taskResults));
        }
    }

    private static LatentPrimitives fitPrimitives(MolapSettings s, TaskCorpus corpus, RunDirectory run, PrintStream console) {
        Trials fitSample = corpus.sampleSideBySide(s.fitTrialsPerTask(), new Random(s.corpusFitSeed()), s.phases().dtype());
        LatentPrimitives primitives = LatentPrimitives.fit(fitSample.inputs(), fitSample.targets(), s.network().modules(), s.primitives());
        save(primitives, run.file("primitives.json"));
        console.printf("%s on %d samples of %d channels: %s %s%n", s.primitives(), fitSample.batchSize() * fitSample.steps(),
                fitSample.inputs().size(1) + fitSample.targets().size(1),
                s.primitives() == LatentPrimitives.Method.CCA ? "canonical correlations" : "input/target score correlations",
                format(primitives.canonicalCorrelations()));
        return primitives;
    }

    private static String describe(PhaseRecord r) {
        return String.format("%-22s %4d iterations, loss %.4f -> %.4f, %.0f ms/iteration", r.phase(), r.iterations(),
                r.firstLoss(), r.lastLoss(), r.millisPerIteration());
    }

    static Map<String, Object> phaseMap(PhaseRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", r.phase());
        m.put("iterations", r.iterations());
        m.put("first_loss", r.firstLoss());
        m.put("last_loss", r.lastLoss());
        m.put("parameters", r.parameters());
        m.put("trainable_parameters", r.trainableParameters());
        m.put("parameter_updates", r.parameterUpdates());
        m.put("ms_per_iteration", r.millisPerIteration());
        return m;
    }

    private static INDArray head(INDArray trials) {
        long n = Math.min(SAVED_TRACES, trials.size(0));
        return trials.get(NDArrayIndex.interval(0, n), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }

    private static String format(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format("%.3f", values[i]));
        }
        return b.append(']').toString();
    }

    private static void npy(INDArray array, Path file) {
        try {
            Nd4j.writeAsNumpy(array, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void save(LatentPrimitives primitives, Path file) {
        try {
            primitives.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
