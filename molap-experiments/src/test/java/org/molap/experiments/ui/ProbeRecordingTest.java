package org.molap.experiments.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.storage.sqlite.J7FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.train.Probe;
import org.molap.dl4j.train.ProbeSchedule;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.RunRecording;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A probe on its schedule: its values land in metrics.jsonl beside the loss and in a UI session of its own. */
class ProbeRecordingTest {

    /** One parameter p, set by the test to the iteration number before each event. */
    private static final class Counter implements TrainableModel {
        final INDArray p = Nd4j.zeros(1, 2);

        @Override
        public Map<String, INDArray> parameters() {
            return Map.of("p", p);
        }

        @Override
        public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
            throw new UnsupportedOperationException("not trained here");
        }
    }

    @Test
    void probeValuesAreLoggedEveryKIterationsAndShownAsTheirOwnSession(@TempDir Path tmp) throws Exception {
        RunDirectory run = RunDirectory.create(tmp, "probe");
        Counter model = new Counter();
        Probe sum = Probe.of("p_sum", it -> it.model().array("p").sumNumber().doubleValue());
        DataSet batch = new DataSet(Nd4j.zeros(3, 1, 4), Nd4j.zeros(3, 1, 4));
        try (RunRecording recording = RunRecording.open(run, new ProbeSchedule(List.of(sum), 5))) {
            for (int i = 0; i < 12; i++) {
                model.p.assign(i);
                recording.onIteration(new TrainingListener.Iteration("phase", i, 1.0 / (i + 1), 0.5 / (i + 1), model, batch,
                        Map.of("p", Nd4j.zeros(1, 2)), 1e-3));
            }
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.path().resolve(RunDirectory.METRICS))) {
            lines.add(RunDirectory.JSON.readTree(line));
        }
        assertEquals(12, lines.size());
        for (JsonNode line : lines) {
            int i = line.path("iteration").asInt();
            if (i % 5 == 0) {
                assertEquals(2.0 * i, line.path("probes").path("p_sum").asDouble(), 0, "p = [i, i] at iteration " + i);
            } else {
                assertFalse(line.has("probes"), "no probe at iteration " + i);
            }
        }

        J7FileStatsStorage storage = new J7FileStatsStorage(run.path().resolve(TrainingStats.FILE).toFile());
        try {
            String session = run.path().getFileName() + " probe p_sum";
            assertTrue(storage.listSessionIDs().contains(session), "the probe's session: " + storage.listSessionIDs());
            assertTrue(storage.getStaticInfo(session, StatsListener.TYPE_ID, TrainingStats.WORKER) != null, "with its own static info");
            List<Double> scores = new ArrayList<>();
            List<Integer> iterations = new ArrayList<>();
            for (Persistable p : storage.getAllUpdatesAfter(session, StatsListener.TYPE_ID, TrainingStats.WORKER, 0)) {
                scores.add(((StatsReport) p).getScore());
                iterations.add(((StatsReport) p).getIterationCount());
            }
            assertEquals(List.of(0.0, 10.0, 20.0), scores);
            assertEquals(List.of(1, 6, 11), iterations, "on the training's iteration count (1-based, across phases)");
        } finally {
            storage.close();
        }
    }
}
