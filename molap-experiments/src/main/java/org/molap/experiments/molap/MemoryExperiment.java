package org.molap.experiments.molap;

import org.molap.core.analysis.RidgeDecoder;
import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.TaskConfig;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;
import org.molap.export.LineChart;
import org.molap.export.RunReport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long a random modular core keeps a task's stimulus linearly decodable: for every step t, a ridge
 * decoder from h_t to the task's final targets (e.g. cos and sin of the remembered angle in Mem Pro),
 * fitted on training trials and scored by R^2 on test trials. Head training can only read out what h_t
 * holds, so this bounds what MoLaP's frozen core can do on memory tasks.
 */
public final class MemoryExperiment implements Experiment {
    private static final double RIDGE = 1e-2;
    private static final List<Double> DEFAULT_GAINS = List.of(0.5, 1.0, 1.5);

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "How long a random core keeps a stimulus decodable (ridge R^2 per step), for several gains g";
    }

    @Override
    public java.util.List<org.molap.experiments.RunOption> options() {
        return org.molap.experiments.Options.join(org.molap.experiments.RunOption.COMMON, java.util.List.of(
                org.molap.experiments.RunOption.MEMORY_TASK, org.molap.experiments.RunOption.UNITS, org.molap.experiments.RunOption.MODULES,
                org.molap.experiments.RunOption.MEMORY_G, org.molap.experiments.RunOption.ALPHA, org.molap.experiments.RunOption.CORE,
                org.molap.experiments.RunOption.MEM_DELAY, org.molap.experiments.RunOption.CONTEXT_STREAMS));
    }

    /** IDE entry point: the same as {@code ./molap run memory [options]}. */
    public static void main(String[] args) {
        org.molap.experiments.Cli.runFromIde("memory", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        boolean paper = options.profile() == Profile.PAPER;
        TaskConfig taskConfig = MolapSettings.taskConfig(options);
        String taskName = options.get("tasks") == null ? "MemPro" : MolapSettings.tasks(options.get("tasks")).get(0);
        Task task = MolapTasks.byName(taskName, taskConfig);
        int units = options.integer("units") == null ? 100 : options.integer("units");
        int modules = options.integer("modules") == null ? 2 : options.integer("modules");
        long seed = options.seed() == null ? 1 : options.seed();
        List<Double> gains = options.number("g") == null ? DEFAULT_GAINS : List.of(options.number("g"));
        // Each gain with the chosen leak and, for comparison, without one (a = 1, seed 000 Eq. 1 as printed).
        List<Double> leaks = MolapSettings.leak(options) == 1 ? List.of(1.0) : List.of(MolapSettings.leak(options), 1.0);
        LinkedHashMap<String, RecurrentCore> cores = new LinkedHashMap<>();
        try {
            for (double g : gains) {
                for (double a : leaks) {
                    cores.put("g=" + g + " a=" + a, RecurrentCore.random(new ModularRnnConfig(units, modules, g, seed, a), DataType.FLOAT));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.get("core") != null) {
            RecurrentCore pretrained = pretrainedCore(Path.of(options.get("core")), modules, seed);
            cores.put("pretrained a=" + pretrained.config().leak(), pretrained);
        }
        int trainTrials = paper ? 2000 : 1000;
        int testTrials = paper ? 2000 : 500;

        Map<String, Object> config = Map.of("task", task.name(), "cores", List.copyOf(cores.keySet()), "alpha", leaks,
                "core_run", String.valueOf(options.get("core")), "modules", modules,
                "train_trials", trainTrials, "test_trials", testTrials, "ridge", RIDGE, "task_config", taskConfig.toString());
        Map<String, Object> seeds = Map.of("network", seed, "train", seed + 1, "test", seed + 9_000_000);
        return RunLifecycle.execute(options, name(), config, seeds, run -> {
            Trials train = task.sample(trainTrials, new Random(seed + 1), DataType.FLOAT);
            Trials test = task.sample(testTrials, new Random(seed + 9_000_000), DataType.FLOAT);
            List<String> decoded = task.outputChannels().stream().filter(c -> !c.equals("fixation")).toList();

            Map<String, Object> r2ByGain = new LinkedHashMap<>();
            Map<String, Object> windowByGain = new LinkedHashMap<>();
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            console.printf("Decoding %s's final %s from h_t (ridge %.0e, %d train / %d test trials)%n",
                    task.name(), decoded, RIDGE, trainTrials, testTrials);
            console.printf("%-22s %10s %10s %10s %18s%n", "core", "R2 t=" + (taskConfig.stimulusOnset() + 10),
                    "R2 t=" + taskConfig.goCue(), "R2 t=" + (taskConfig.steps() - 1), "R2 last 30 steps");
            for (Map.Entry<String, RecurrentCore> core : cores.entrySet()) {
                double[][] r2 = decodeOverTime(core.getValue(), seed, task, train, test, decoded);
                double[] mean = new double[r2[0].length];
                Map<String, double[]> perChannel = new LinkedHashMap<>();
                for (int c = 0; c < decoded.size(); c++) {
                    perChannel.put(decoded.get(c), r2[c]);
                    for (int t = 0; t < mean.length; t++) {
                        mean[t] += r2[c][t] / decoded.size();
                    }
                }
                double window = 0;
                for (int t = mean.length - 30; t < mean.length; t++) {
                    window += mean[t] / 30;
                }
                String key = core.getKey();
                r2ByGain.put(key, perChannel);
                windowByGain.put(key, window);
                double[] steps = new double[mean.length];
                for (int t = 0; t < steps.length; t++) {
                    steps[t] = t;
                }
                curves.put(key, new double[][] {steps, mean});
                console.printf("%-22s %10.3f %10.3f %10.3f %18.3f%n", key, mean[taskConfig.stimulusOnset() + 10],
                        mean[taskConfig.goCue()], mean[mean.length - 1], window);
            }
            LineChart.write(run.figures().resolve("memory_r2.png"), task.name() + ": R\u00b2 of the final " + String.join("/", decoded)
                    + " decoded from h_t", "time step (stimulus on at " + taskConfig.stimulusOnset() + ", go cue at " + taskConfig.goCue() + ")",
                    "R\u00b2 (test trials)", curves, false);

            Map<String, Object> results = new LinkedHashMap<>();
            results.put("experiment", name());
            results.put("profile", options.profile().id());
            results.put("task", task.name());
            results.put("decoded_channels", decoded);
            results.put("stimulus_onset", taskConfig.stimulusOnset());
            results.put("go_cue", taskConfig.goCue());
            results.put("r2_last_30_steps", windowByGain);
            results.put("r2", r2ByGain);
            run.writeJson(RunDirectory.RESULTS, results);
        });
    }

    /**
     * The recurrent weights a MoLaP run pre-trained (arrays/W_rec_pretrained.npy), with b = 0 as MoLaP keeps it,
     * and the leak that run used (its manifest's config.alpha; runs made before the leak existed had a = 1).
     */
    private static RecurrentCore pretrainedCore(Path runDir, int modules, long seed) {
        Path file = runDir.resolve(RunDirectory.ARRAYS).resolve("W_rec_pretrained.npy");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UsageException("No " + file + ": pass --core a run directory written by ./molap run molap.");
        }
        INDArray wRec = org.nd4j.linalg.factory.Nd4j.createFromNpyFile(file.toFile()).castTo(DataType.FLOAT);
        int units = (int) wRec.size(0);
        try {
            // g only describes random initialisation; the loaded weights are used as they are.
            return RecurrentCore.of(new ModularRnnConfig(units, modules, 1.0, seed, leakOf(runDir)), wRec,
                    org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, 1, units));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double leakOf(Path runDir) {
        try {
            com.fasterxml.jackson.databind.JsonNode alpha = RunDirectory.JSON.readTree(runDir.resolve(RunDirectory.MANIFEST).toFile())
                    .path("config").path("alpha");
            return alpha.isNumber() ? alpha.doubleValue() : 1.0;
        } catch (java.io.IOException e) {
            throw new UsageException("Cannot read " + runDir.resolve(RunDirectory.MANIFEST) + ": pass --core a run directory written by ./molap run molap.");
        }
    }

    /** R^2 [channel][step] of the final targets decoded from the hidden state at every step (random input weights). */
    private static double[][] decodeOverTime(RecurrentCore core, long seed, Task task, Trials train, Trials test, List<String> decoded) {
        Head head = Head.random(core.units(), task.inputChannels().size(), task.outputChannels().size(), seed + 1, DataType.FLOAT);
        RecurrentModel graph = ElmanBptt.build(RnnGraph.Shape.of(core, head.inputs(), head.outputs(), train.steps(),
                DataType.FLOAT, Regularisation.none())).load(core, head);
        INDArray hTrain = graph.states(train.inputs());
        INDArray hTest = graph.states(test.inputs());
        INDArray yTrain = finalTargets(train, decoded);
        INDArray yTest = finalTargets(test, decoded);
        double[][] r2 = new double[decoded.size()][train.steps()];
        for (int t = 0; t < train.steps(); t++) {
            INDArray xTrain = hTrain.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
            INDArray xTest = hTest.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
            double[] r = RidgeDecoder.fit(xTrain, yTrain, RIDGE).r2(xTest, yTest);
            for (int c = 0; c < r.length; c++) {
                r2[c][t] = r[c];
            }
        }
        return r2;
    }

    private static INDArray finalTargets(Trials trials, List<String> channels) {
        INDArray y = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, trials.batchSize(), channels.size());
        for (int c = 0; c < channels.size(); c++) {
            y.getColumn(c).assign(trials.targets().get(NDArrayIndex.all(), NDArrayIndex.point(trials.outputIndex(channels.get(c))),
                    NDArrayIndex.point(trials.steps() - 1)));
        }
        return y;
    }
}
