package org.molap.experiments.ui;

import org.molap.dl4j.train.TrainingListener;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.listeners.impl.UIListener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model trains on its SameDiff graph (for example {@code --engine samediff}), SameDiff's own UI log: one file
 * per graph in the run's {@code samediff/} folder (named after the first phase that trains it) with the graph's
 * structure and its loss per iteration, for the training UI's {@code /samediff} page. Our Trainer does not call
 * SameDiff's fit, so this drives SameDiff's UIListener from the iteration events; hand-derived engines have no
 * graph and write nothing.
 */
public final class SameDiffLog implements TrainingListener {
    /** The folder in a run directory. */
    public static final String FOLDER = "samediff";

    private final Path folder;
    private final Map<SameDiff, Log> logs = new IdentityHashMap<>();

    private record Log(UIListener listener, int[] iterations) {
    }

    public SameDiffLog(Path runDirectory) {
        this.folder = runDirectory.resolve(FOLDER);
    }

    @Override
    public void onIteration(Iteration it) {
        SameDiff sd = it.model().sameDiff();
        if (sd == null) {
            return;
        }
        Log log = logs.computeIfAbsent(sd, g -> open(g, it));
        int iteration = log.iterations()[0]++;
        At at = new At(0, iteration, 0, Thread.currentThread().getId(), null, Operation.TRAINING);
        if (iteration == 0) {
            log.listener().epochStart(sd, at);
        }
        log.listener().iterationStart(sd, at, null, 0);
        log.listener().iterationDone(sd, at, null, new Loss(List.of("loss"), new double[] {it.loss()}));
    }

    private Log open(SameDiff sd, Iteration first) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
        if (sd.getTrainingConfig() == null) {
            // the listener reads the updater from it; the Trainer's own Adam does the training
            sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(first.learningRate()))
                    .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        }
        Path file = folder.resolve(first.phase().replaceAll("[^A-Za-z0-9_.-]", "_") + ".bin");
        return new Log(UIListener.builder(file.toFile()).plotLosses(1).build(), new int[1]);
    }
}
