package org.molap.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    @TempDir
    static Path shared;
    static Path run;

    @BeforeAll
    static void renderOnce() throws IOException {
        run = SyntheticRun.write(shared.resolve("molap-20261122-231500"));
        RunReport.render(run);
        String keep = System.getenv("MOLAP_EXPORT_KEEP");
        if (keep != null) {
            copy(run, Path.of(keep));
        }
    }

    /** With the environment variable MOLAP_EXPORT_KEEP=DIR the rendered run is copied there, to look at the figures by eye. */
    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void accuracyChartHasOneBarPerTaskWithHeightsProportionalToAccuracy() throws IOException {
        BufferedImage img = Pixels.read(run.resolve("figures/accuracy.png"));
        assertEquals(BarChart.WIDTH, img.getWidth());
        assertEquals(BarChart.HEIGHT, img.getHeight());
        assertTrue(Pixels.distinctColours(img) > 10, "a chart, not a blank image");
        assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff, "white background");

        List<Integer> bars = Pixels.bars(img, Palette.series(0).getRGB() & 0xffffff, 3);
        assertEquals(SyntheticRun.TASKS.size(), bars.size(), "one bar per task: " + bars);
        int delayPro = bars.get(0);   // accuracy 0.9
        int memAnti = bars.get(3);    // accuracy 0.3
        assertTrue(delayPro > memAnti, "0.9 bar taller than 0.3 bar: " + bars);
        assertEquals(3.0, (double) delayPro / memAnti, 0.1, "bar heights proportional to accuracy: " + bars);
        assertTrue(bars.get(8) > delayPro, "1.0 bar the tallest: " + bars);
        assertTrue(Pixels.count(img, Palette.REFERENCE.getRGB() & 0xffffff) > 200, "70% reference line drawn");
    }

    @Test
    void trainingLossHasOneCurvePerPhase() throws IOException {
        BufferedImage img = Pixels.read(run.resolve("figures/training_loss.png"));
        assertEquals(LineChart.WIDTH, img.getWidth());
        assertEquals(LineChart.HEIGHT, img.getHeight());
        assertTrue(Pixels.count(img, Palette.series(0).getRGB() & 0xffffff) > 300, "phase 1 curve");
        assertTrue(Pixels.count(img, Palette.series(1).getRGB() & 0xffffff) > 300, "phase 2 curve");
        assertEquals(0, Pixels.count(img, Palette.series(2).getRGB() & 0xffffff), "only two phases");
    }

    @Test
    void tracesOnlyForTasksWithBothArrays() throws IOException {
        BufferedImage img = Pixels.read(run.resolve("figures/traces_DelayPro.png"));
        assertEquals(TracePanel.WIDTH, img.getWidth());
        assertEquals(TracePanel.heightFor(3), img.getHeight());
        int blue = Pixels.countNear(img, Palette.series(0).getRGB() & 0xffffff, 40);
        int orange = Pixels.countNear(img, Palette.series(1).getRGB() & 0xffffff, 40);
        assertTrue(blue + orange > 300, "outputs and dashed targets of the two trials (the second drawn over the first): " + blue + ", " + orange);
        assertTrue(orange > 300, "the second trial has a colour of its own: " + orange);
        // the response period [30, 40) is shaded yellow over white (alpha 40/255): about (255, 246, 215)
        assertTrue(Pixels.countNear(img, 0xfff6d7, 6) > 2000, "the response period is shaded");
        assertTrue(Files.readString(run.resolve("report.html")).contains("response period"), "the caption says what is shaded");
        // the stimulus pulse [10, 16) in blue (alpha 45/255 over white): about (215, 231, 242)
        assertTrue(Pixels.countNear(img, 0xd7e7f2, 6) > 1000, "the stimulus pulse is shaded");
        assertTrue(Files.readString(run.resolve("report.html")).contains("the pulse 1 (blue)"), "the caption names the pulse");
        assertTrue(Files.readString(run.resolve("report.html")).contains("figures/array_W_rec.png"),
                "the report shows the heat map the notebook draws of every 2-D array");
        try (var files = Files.list(run.resolve("figures"))) {
            assertEquals(List.of("accuracy.png", "array_W_rec.png", "traces_DelayPro.png", "training_loss.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void reportShowsTasksPercentagesTablesAndExistingFigures() throws IOException {
        String html = Files.readString(run.resolve("report.html"));
        for (String task : SyntheticRun.TASKS) {
            assertTrue(html.contains("<td>" + task + "</td>"), task);
        }
        assertTrue(html.contains("<td class=\"num\">90.0%</td>"), "DelayPro accuracy as a percentage");
        assertTrue(html.contains("<td class=\"num\">30.0%</td>"), "MemAnti accuracy as a percentage");
        assertTrue(html.contains("fixation 100.0%, cos 90.0%, sin 80.0%"), "per-unit accuracies");
        assertTrue(html.contains("abc1234def") && html.contains("CPU nd4j-native") && html.contains("quick"));
        assertTrue(html.contains("0.98") && html.contains("0.91"), "canonical correlations");
        assertTrue(html.contains("540,200") && html.contains("10,301") && html.contains("210.5"), "phases table");
        assertTrue(html.contains("wall_clock_seconds") && html.contains("123.4"), "other scalar results");
        assertTrue(html.contains("arrays/W_rec.npy") && html.contains("(6, 6)"), "arrays table");
        assertFalse(html.contains("not &quot;complete&quot;"), "no incomplete-run warning for a complete run");

        Matcher src = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int figures = 0;
        while (src.find()) {
            assertTrue(Files.isRegularFile(run.resolve(src.group(1))), "figure exists: " + src.group(1));
            figures++;
        }
        assertEquals(4, figures, "accuracy, loss, the traces and the heat map of W_rec");
    }

    @Test
    void notebookIsNbformat4AndLoadsEveryFileOfTheRun() throws IOException {
        JsonNode nb = new ObjectMapper().readTree(run.resolve("notebook.ipynb").toFile());
        assertEquals(4, nb.get("nbformat").asInt());
        assertTrue(nb.get("nbformat_minor").asInt() >= 4);
        assertEquals("python3", nb.at("/metadata/kernelspec/name").asText());
        JsonNode cells = nb.get("cells");
        assertTrue(cells.isArray() && cells.size() >= 6);
        StringBuilder code = new StringBuilder();
        int codeCells = 0;
        for (JsonNode c : cells) {
            assertTrue(c.get("id").asText().matches("[A-Za-z0-9_-]{1,64}"));
            assertTrue(c.get("source").isArray() && c.get("metadata").isObject());
            if (c.get("cell_type").asText().equals("code")) {
                codeCells++;
                assertTrue(c.get("outputs").isArray() && c.get("execution_count").isNull());
                c.get("source").forEach(line -> code.append(line.asText()));
                code.append("\n");
            } else {
                assertEquals("markdown", c.get("cell_type").asText());
            }
        }
        assertTrue(codeCells >= 5, "code cells: " + codeCells);
        String py = code.toString();
        for (String file : List.of("manifest.json", "results.json", "metrics.jsonl", "W_rec.npy",
                "test_outputs_DelayPro.npy", "test_targets_DelayPro.npy")) {
            assertTrue(py.contains(file), "notebook references " + file);
        }
        assertTrue(py.contains("np.load") && py.contains("ax.bar(") && py.contains("set_yscale(\"log\")"));
        assertTrue(py.contains("TRACE_TASKS = [\"DelayPro\"]"));

        String rendered = Files.readString(run.resolve("notebook.ipynb"));
        NotebookWriter.write(run);
        assertEquals(rendered, Files.readString(run.resolve("notebook.ipynb")), "same notebook on its own");
    }

    @Test
    void aComparisonOfMethodsGetsItsOwnTables(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticRun.write(tmp.resolve("baselines-x"));
        Files.writeString(dir.resolve("results.json"), "{\"experiment\":\"baselines\",\"profile\":\"quick\",\"methods\":{"
                + "\"molap\":{\"label\":\"MoLaP (CCA)\",\"tasks\":{\"DelayPro\":{\"accuracy\":0.976}},\"mean_accuracy\":0.976,"
                + "\"parameters\":15224,\"trained_parameters\":10124,\"parameter_updates\":904400},"
                + "\"dni\":{\"label\":\"DNI\",\"tasks\":{\"DelayPro\":{\"accuracy\":0.811}},\"mean_accuracy\":0.811,"
                + "\"parameters\":43203,\"trained_parameters\":388827,\"parameter_updates\":38882700}}}");
        RunReport.render(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<h2>Methods</h2>"), "a Methods section");
        assertTrue(html.contains("MoLaP (CCA)") && html.contains("97.6%") && html.contains("81.1%"), "accuracy per method");
        assertTrue(html.contains("38,882,700") && html.contains("15,224"), "parameter and update counts");
        assertFalse(html.contains("Other results"), "methods are not dumped as scalars");
    }

    @Test
    void missingResultsIsOneClearSentenceAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticRun.write(tmp.resolve("molap-x"));
        Files.delete(dir.resolve("results.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.render(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("has no results.json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(dir.resolve("figures")));
        assertFalse(Files.exists(dir.resolve("report.html")));
        assertFalse(Files.exists(dir.resolve("notebook.ipynb")));
    }

    @Test
    void missingDirectoryAndBrokenFilesNameWhatIsWrong(@TempDir Path tmp) throws IOException {
        Path nowhere = tmp.resolve("runs/nope");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunReport.render(nowhere)).getMessage()
                .matches("Run directory .*runs/nope does not exist; .*\\."));

        Path dir = SyntheticRun.write(tmp.resolve("broken"));
        Files.writeString(dir.resolve("manifest.json"), "{\"experiment\": ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunReport.render(dir)).getMessage()
                .contains("unreadable manifest.json"));

        Path metrics = SyntheticRun.write(tmp.resolve("badmetrics"));
        Files.writeString(metrics.resolve("metrics.jsonl"), "{\"loss\":1}\n{\"loss\":", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunReport.render(metrics)).getMessage()
                .endsWith("has an unreadable metrics.jsonl: line 82 is not a JSON object."));

        Path npy = SyntheticRun.write(tmp.resolve("badnpy"));
        Path outputs = npy.resolve("arrays/test_outputs_DelayPro.npy");
        byte[] bytes = Files.readAllBytes(outputs);
        Files.write(outputs, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        String msg = assertThrows(IllegalArgumentException.class, () -> RunReport.render(npy)).getMessage();
        assertTrue(msg.contains("test_outputs_DelayPro.npy") && msg.contains("truncated"), msg);
        assertFalse(Files.exists(npy.resolve("report.html")));
    }

    @Test
    void unknownExperimentGetsManifestScalarsAndCurves(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other-20261123-000000"));
        Files.writeString(dir.resolve("manifest.json"), "{\"experiment\":\"perturb\",\"status\":\"running\"}");
        Files.writeString(dir.resolve("results.json"),
                "{\"experiment\":\"perturb\",\"score\":0.25,\"levels\":[0.1,0.2],\"fit\":{\"slope\":-1.5},"
                        + "\"tasks\":[\"not\",\"an\",\"object\"]}");
        Files.writeString(dir.resolve("metrics.jsonl"),
                "{\"phase\":\"train\",\"iteration\":0,\"loss\":1.0}\n\n{\"phase\":\"train\",\"iteration\":1,\"loss\":0}\n"
                        + "{\"phase\":\"train\",\"iteration\":2,\"loss\":-0.5}\n{\"probe\":\"x\"}\n");
        RunReport.render(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("perturb") && html.contains("not &quot;complete&quot;"), "warns on running status");
        assertTrue(html.contains("<td>score</td><td class=\"num\">0.25</td>"), html);
        assertTrue(html.contains("<td>fit.slope</td><td class=\"num\">-1.5</td>"));
        assertTrue(html.contains("[0.1, 0.2]") && html.contains("3 entries"), "unrecognised tasks listed generically");
        assertFalse(Files.exists(dir.resolve("figures/accuracy.png")));
        BufferedImage loss = Pixels.read(dir.resolve("figures/training_loss.png"));
        assertTrue(Pixels.count(loss, Palette.series(0).getRGB() & 0xffffff) > 100, "non-positive losses: linear y");
        JsonNode nb = new ObjectMapper().readTree(dir.resolve("notebook.ipynb").toFile());
        assertEquals(4, nb.get("nbformat").asInt());
        assertFalse(nb.toString().contains("ax.bar("), "no accuracy cell without tasks");
    }

    @Test
    void commandLineExitsWithTwoAndOneSentenceOnABadPath(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(2, RunReport.run(new String[] {tmp.resolve("missing").toString()}, outStream, errStream));
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(message.startsWith("Run directory ") && message.endsWith(".") && !message.contains("\n"), message);
        assertEquals(2, RunReport.run(new String[0], outStream, errStream));
        assertEquals(0, RunReport.run(new String[] {run.toString()}, outStream, errStream));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("report.html"));
    }
}
