package org.molap.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A small hand-written MoLaP run directory, as the experiments module would leave it. */
final class SyntheticRun {
    static final List<String> TASKS = List.of("DelayPro", "DelayAnti", "MemPro", "MemAnti", "MemDm1", "MemDm2",
            "ContextMemDm1", "ContextMemDm2", "MultiMem");
    /** Accuracy per task, in order: DelayPro 0.9, MemAnti 0.3. */
    static final double[] ACCURACY = {0.9, 0.85, 0.75, 0.3, 0.95, 0.6, 0.72, 0.5, 1.0};
    static final int TIME = 40;

    private SyntheticRun() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("arrays"));
        Files.writeString(dir.resolve("manifest.json"), """
                {"experiment":"molap","profile":"quick","status":"complete",
                 "config":{"units":100,"modules":2,"learning_rate":0.003},
                 "seeds":{"train":1,"test":2},"versions":{"java":"17","nd4j":"1.0.0-M2.1"},
                 "git_commit":"abc1234def","backend":"CPU nd4j-native","machine":{"cores":2,"os":"Linux"},
                 "started":"2026-11-22T23:15:00Z","ended":"2026-11-22T23:17:03Z"}
                """);
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < TASKS.size(); i++) {
            boolean reach = i < 4;
            tasks.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"accuracy\":%s,\"per_unit_accuracy\":%s,\"output_channels\":%s}", TASKS.get(i),
                    ACCURACY[i], reach ? "[1.0,0.9,0.8]" : "[1.0,0.5]",
                    reach ? "[\"fixation\",\"cos\",\"sin\"]" : "[\"fixation\",\"value\"]"));
        }
        Files.writeString(dir.resolve("results.json"), "{\"experiment\":\"molap\",\"profile\":\"quick\",\"tasks\":{"
                + tasks + "},\"canonical_correlations\":[0.98,0.91],\"phases\":["
                + "{\"phase\":\"pretrain-M1\",\"iterations\":200,\"first_loss\":0.3,\"last_loss\":0.01,"
                + "\"parameters\":10301,\"trainable_parameters\":2701,\"parameter_updates\":540200,"
                + "\"ms_per_iteration\":210.5},"
                + "{\"phase\":\"head-DelayPro\",\"iterations\":200,\"first_loss\":0.5,\"last_loss\":0.02,"
                + "\"parameters\":10604,\"trainable_parameters\":603,\"parameter_updates\":120600,"
                + "\"ms_per_iteration\":12.25}],\"wall_clock_seconds\":123.4,"
                + "\"cca_every_task\":{\"DelayPro\":0.9,\"MemDm1\":0.7},\"cca_leave_one_out\":{\"DelayPro\":0.85,\"MemDm1\":0.6},"
                + "\"perturbations\":{\"global lesion\":{\"axis\":\"% of weights lesioned\",\"levels\":[0,10,30],"
                + "\"methods\":{\"molap\":{\"mean_over_tasks\":{\"mean\":[0.9,0.6,0.3],\"sd\":[0,0.05,0.1]}},"
                + "\"separate\":{\"mean_over_seeds\":[88,50,20],\"sd_over_seeds\":[1,4,6]}}}},"
                + "\"conditions\":{\"cca_every_task\":{\"DelayPro\":{\"mean\":0.9,\"sd\":0.01},\"Mean\":{\"mean\":0.8,\"sd\":0.02}},"
                + "\"pca_leave_one_out\":{\"DelayPro\":{\"mean\":0.8,\"sd\":0.03},\"Mean\":{\"mean\":0.7,\"sd\":0.02}}},"
                + "\"timeline\":{\"steps\":40,\"silent\":[0,4],\"stimulus_onset\":10,\"go_cue\":30,\"scored_window\":[32,40],"
                + "\"dt\":0.02777777777777778,\"stimulus_periods\":{\"DelayPro\":{\"pulse 1\":[10,16]}}}}");
        StringBuilder metrics = new StringBuilder();
        for (String phase : List.of("pretrain-M1", "head-DelayPro")) {
            for (int it = 0; it < 200; it += 5) {
                double loss = (phase.startsWith("pre") ? 0.3 : 0.5) * Math.exp(-it / 40.0) + 0.005;
                metrics.append(String.format(Locale.ROOT, "{\"phase\":\"%s\",\"iteration\":%d,\"loss\":%.6f,"
                        + "\"mse\":%.6f}%n", phase, it, loss, loss * 0.9));
            }
        }
        Files.writeString(dir.resolve("metrics.jsonl"), metrics.toString());
        npy(dir, "test_outputs_DelayPro.npy", traces(3, true));
        npy(dir, "test_targets_DelayPro.npy", traces(3, false));
        npy(dir, "W_rec.npy", Nd4j.rand(new int[] {6, 6}).subi(0.5));
        return dir;
    }

    /** [2 trials, channels, TIME]: targets are steps, outputs a smoothed noisy version. */
    static INDArray traces(int channels, boolean output) {
        float[] data = new float[2 * channels * TIME];
        int k = 0;
        for (int trial = 0; trial < 2; trial++) {
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < TIME; t++) {
                    double target = c == 0 ? (t < 30 ? 1 : 0) : (t >= 30 ? (c == 1 ? 0.7 : -0.7) : 0);
                    data[k++] = (float) (output ? target * (1 - Math.exp(-(t % 30 + 1) / 4.0))
                            + 0.03 * Math.sin(t) : target);
                }
            }
        }
        return Nd4j.create(data, new long[] {2, channels, TIME}, 'c');
    }

    static void npy(Path dir, String name, INDArray a) throws IOException {
        Nd4j.writeAsNumpy(a, dir.resolve("arrays").resolve(name).toFile());
    }
}
