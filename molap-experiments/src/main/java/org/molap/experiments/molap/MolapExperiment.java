package org.molap.experiments.molap;

import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Task;
import org.molap.dl4j.molap.HeadTraining;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainingDivergedException;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.export.RunReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @Override
    public java.util.List<org.molap.experiments.RunOption> options() {
        return org.molap.experiments.Options.join(org.molap.experiments.RunOption.COMMON, org.molap.experiments.RunOption.MOLAP);
    }

    /** IDE entry point: the same as {@code ./molap run molap [options]}. */
    public static void main(String[] args) {
        org.molap.experiments.Cli.runFromIde("molap", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MolapSettings s = MolapSettings.of(options); // every user mistake surfaces here, before any file is written
        return RunLifecycle.execute(options, name(), s.describe(), s.seeds(), run -> execute(s, run, console));
    }

    private void execute(MolapSettings s, RunDirectory run, PrintStream console) {
        long start = System.nanoTime();
        console.printf("MoLaP (%s profile): N = %d in %d modules, batch %d, %d + %d iterations, run %s%n",
                s.profile().id(), s.network().units(), s.network().modules(), s.phases().batchSize(),
                s.phases().pretraining().iterations(), s.phases().taskTraining().iterations(), run.path());
        try (org.molap.experiments.RunRecording recording = org.molap.experiments.RunRecording.open(run, s.probes().schedule(s))) {
            MolapMethod.Outcome outcome = new MolapMethod(s, List.of(recording), console).run(new RunFiles(run));
            Map<String, Object> taskResults = new LinkedHashMap<>();
            outcome.scores().forEach((task, score) -> taskResults.put(task, score.json()));

            Map<String, Object> results = new LinkedHashMap<>();
            results.put("experiment", name());
            results.put("profile", s.profile().id());
            results.put("tasks", taskResults);
            results.put("timeline", TaskScore.timeline(s.taskConfig(), s.tasks()));
            double[] means = TaskScore.means(outcome.scores().values());
            results.put("mean_accuracy", means[0]);
            results.put("mean_" + TaskScore.LENIENT_KEY, means[1]);
            results.put("canonical_correlations", outcome.primitives() == null ? new double[0] : outcome.primitives().canonicalCorrelations());
            results.put("primitives", s.pretrains() ? s.primitives().name() : "NONE");
            results.put("phases", outcome.phases().stream().map(MolapExperiment::phaseMap).toList());
            results.put("graphs_built", outcome.graphsBuilt());
            results.put("wall_clock_seconds", (System.nanoTime() - start) / 1e9);
            run.writeJson("results.json", results);
            console.print(AccuracyTable.render(taskResults));
        }
    }

    /** Saves what MoLaP produces into the run directory: primitives, model files, W_rec snapshots, test traces. */
    public static final class RunFiles implements MolapMethod.Hooks {
        private final RunDirectory run;
        private final String prefix;
        private final GraphCache files = new GraphCache();

        public RunFiles(RunDirectory run) {
            this(run, "");
        }

        /** {@code prefix} keeps the files of several methods in one run apart, e.g. "molap_pca-". */
        public RunFiles(RunDirectory run, String prefix) {
            this.run = run;
            this.prefix = prefix;
        }

        @Override
        public void primitivesFitted(LatentPrimitives primitives, org.molap.core.tasks.Trials fitSample) {
            PrimitiveLoadings.write(run, prefix, primitives, fitSample);
            try {
                primitives.save(run.file(prefix + "primitives.json"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + prefix + "primitives.json", e);
            }
        }

        @Override
        public void coreInitialised(RecurrentCore core) {
            npy(core.wRec(), run.arrays().resolve(prefix + "W_rec_initial.npy"));
        }

        @Override
        public void moduleTrained(int module, RecurrentModel model, PhaseRecord record) {
            model(model, record.phase());
        }

        @Override
        public void coreReady(RecurrentCore core) {
            npy(core.wRec(), run.arrays().resolve(prefix + "W_rec_pretrained.npy"));
        }

        @Override
        public void taskTrained(Task task, HeadTraining.Result trained, TaskScore score) {
            model(trained.model(), trained.record().phase());
            npy(head(score.outputs()), run.arrays().resolve(prefix + "test_outputs_" + task.name() + ".npy"));
            npy(head(score.targets()), run.arrays().resolve(prefix + "test_targets_" + task.name() + ".npy"));
        }

        void model(RecurrentModel model, String phase) {
            files.save(model, run.models().resolve(prefix + phase + ".fb").toFile());
        }
    }

    public static Map<String, Object> phaseMap(PhaseRecord r) {
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

    static INDArray head(INDArray trials) {
        long n = Math.min(SAVED_TRACES, trials.size(0));
        return trials.get(NDArrayIndex.interval(0, n), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }

    static void npy(INDArray array, Path file) {
        try {
            Nd4j.writeAsNumpy(array, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }


}
