package org.molap.experiments.nmrnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.export.NotebookExecution;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.MeasureWaitGo;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.experiments.Cli;
import org.molap.experiments.OptionMistakes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Seed 003's Measure-Wait-Go experiment on small settings: a network learns (its training MSE falls well below its
 * start), is scored on all twelve intervals, and leaves its s(t); each phase leaves the other groups bitwise
 * unchanged; the command writes a complete run with its claims; option mistakes are one sentence.
 */
class MwgExperimentTest {

    private static MwgSettings small() {
        return new MwgSettings("test", List.of(NmModel.NM_RNN), 1, 1, 20, 3, 3, 20, 10, 6, 150, 150, 400, 600, 300, 300,
                1e-2, 1e-2, 50, 0, "code");
    }

    @Test
    void anNmRnnLearnsAndIsScoredOnEveryInterval(@TempDir Path tmp) {
        MwgNetwork.Result r = MwgNetwork.run(NmModel.NM_RNN, 3, small(), tmp, new PrintStream(new ByteArrayOutputStream()));
        double first = r.lossCurve()[0][1];
        assertTrue(r.trainMse() < 0.25 * first, "training MSE " + r.trainMse() + " from " + first);
        assertEquals(12, r.intervals().size());
        assertEquals(List.of("shorter", "shorter", "shorter", "shorter", "trained", "trained", "trained", "trained",
                "longer", "longer", "longer", "longer"), r.groups());
        assertEquals(3, r.phases().size());
        assertEquals(List.of(150, 150, 400), r.phases().stream().map(p -> p.iterations()).toList());
        assertTrue(Files.exists(tmp.resolve("gates_at_15.npy")));
        assertEquals(RunDirectory.JSON.valueToTree(r), RunDirectory.JSON.valueToTree(MwgNetwork.read(tmp)), "the result reads back");
    }

    /** The low-rank phase leaves the neuromodulatory group bitwise as it was, and the other way round. */
    @Test
    void eachPhaseLeavesTheOtherGroupBitwiseUnchanged() {
        MwgSettings s = small();
        MeasureWaitGo task = new MeasureWaitGo(MeasureWaitGo.Config.paper());
        var cell = MwgNetwork.cell(NmModel.NM_RNN, s);
        CellModel graph = Unroller.unroll(cell, 1, 110, DataType.FLOAT, Loss.mse(), 5);
        TrainableModel net = Engines.build(cell, 1, 110, DataType.FLOAT, Loss.mse(), 5, Engines.Engine.AUTO);
        Trials train = task.trials(task.trainingTrials(), DataType.FLOAT);
        DataSet batch = new DataSet(train.inputs(), train.targets());
        for (String[][] phase : new String[][][] {{{"lr", Unroller.HEAD}, {"nm"}}, {{"nm"}, {"lr", Unroller.HEAD}}}) {
            Map<String, INDArray> frozen = new HashMap<>();
            graph.parametersIn(phase[1]).forEach(p -> frozen.put(p, net.array(p).dup()));
            Map<String, INDArray> trained = new HashMap<>();
            graph.parametersIn(phase[0]).forEach(p -> trained.put(p, net.array(p).dup()));
            new Trainer(new TrainerConfig(1e-2, 20).with(Optimiser.seed003())).fit("phase", net,
                    TrainableSet.of(graph.parametersIn(phase[0])), new RepeatedBatch(batch, 20));
            frozen.forEach((p, before) -> assertArrayEquals(before.data().asFloat(), net.array(p).data().asFloat(), 0f, p));
            assertTrue(trained.entrySet().stream().anyMatch(e -> !e.getValue().equals(net.array(e.getKey()))));
        }
    }

    @Test
    void theCommandWritesACompleteRun(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "mwg", "--models", "lr,rnn", "--networks", "2", "--workers", "1",
                "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        assertEquals(2, results.path("models").path("lr").path("extrapolation_mse").path("networks").size());
        assertEquals(501, results.path("models").path("lr").path("parameters").asInt());
        assertEquals(1, results.path("claims").size(), "without the NM-RNN only the fit is judged");
        for (String figure : List.of("mwg_produced_interval.png", "mwg_mse.png", "mwg_traces_lr.png", "mwg_loss.png")) {
            assertTrue(Files.size(run.resolve("figures").resolve(figure)) > 1000, figure);
        }
        assertTrue(Files.readString(run.resolve("notebook.ipynb")).contains("Produced interval against the interval"), "the seed 003 notebook section");
        assertTrue(NotebookExecution.figures(run, tmp) >= 2, "the notebook redraws the main figure");
        assertTrue(Files.exists(run.resolve("report.html")) && Files.exists(run.resolve("notebook.ipynb")));
        assertTrue(Files.readAllLines(run.resolve(RunDirectory.METRICS)).size() > 100);
    }

    /** A network's result with only the scores the summary judges set. */
    private static MwgNetwork.Result scored(NmModel model, long seed, double producedError, double extrapolationMse) {
        return new MwgNetwork.Result(model.id(), seed, 1, 1, List.of(), 1e-5, List.of(), List.of(), new double[0], new double[0],
                new double[0], new double[0], extrapolationMse, extrapolationMse, extrapolationMse, producedError, producedError, 0,
                new double[0][], Double.isNaN(producedError) ? 1 : 0);
    }

    @Test
    void aNetworkWithNoProducedErrorRanksLast() {
        // results written before trials were censored carry NaN where a trial produced no response
        Map<NmModel, List<MwgNetwork.Result>> results = new java.util.LinkedHashMap<>();
        results.put(NmModel.NM_RNN, List.of(scored(NmModel.NM_RNN, 1, 1.5, 1e-3), scored(NmModel.NM_RNN, 2, Double.NaN, 2e-3),
                scored(NmModel.NM_RNN, 3, 2.0, 1e-3)));
        results.put(NmModel.LR_RNN, List.of(scored(NmModel.LR_RNN, 1, 5, 1e-2), scored(NmModel.LR_RNN, 2, 6, 1e-2),
                scored(NmModel.LR_RNN, 3, 7, 1e-2)));
        MwgSummary summary = MwgSummary.of(results);
        String evidence = summary.claims().get(1).evidence();
        assertTrue(evidence.startsWith("medians 2.00 (quartiles 1.75-Infinity) against 6.00"), evidence);
        // ranks 1, 2 and 6 of 6: 7 of the 20 splits have a rank sum <= 9
        assertTrue(evidence.contains("p = 0.350"), "the undefined network ranks last, above every LR-RNN: " + evidence);
    }

    @Test
    void optionMistakesAreOneSentence() {
        OptionMistakes.assertOneSentence(List.of("run", "mwg"), List.of(new String[] {"--models", "nm,gru"}, new String[] {"--models", "nm,nm"},
                new String[] {"--networks", "0"}, new String[] {"--adam-reset", "-5"}, new String[] {"--rnn-lr", "0"},
                new String[] {"--models", "nm,"},
                new String[] {"--low-rank-scale", "N"}));
    }
}
