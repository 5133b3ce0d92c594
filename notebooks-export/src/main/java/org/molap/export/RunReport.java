package org.molap.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a run directory for a person: figures/*.png, report.html and notebook.ipynb. Everything is
 * read and checked before anything is written, so a bad run directory leaves no half-written output.
 */
public final class RunReport {
    /** Manifest fields shown first, in this order, with their labels. */
    private static final String[][] SUMMARY = {
        {"experiment", "Experiment"}, {"profile", "Profile"}, {"status", "Status"}, {"git_commit", "Git commit"},
        {"backend", "Backend"}, {"started", "Started"}, {"ended", "Ended"}};

    private RunReport() {
    }

    /**
     * Renders the run at {@code runDir}.
     *
     * @throws IllegalArgumentException with one sentence naming the path and what is missing or unreadable
     */
    public static void render(Path runDir) {
        RunContents run = RunContents.open(runDir);
        Results results = Results.of(run.results);
        List<Traces.Trial> trials = Traces.load(run, results);
        List<List<String>> arrays = arrayRows(run);
        List<RunFigures.Figure> own = RunFigures.experimentFigures(run);

        RunFigures.Figure accuracy = RunFigures.accuracy(run, results);
        RunFigures.Figure loss = RunFigures.trainingLoss(run);
        List<RunFigures.Figure> traces = RunFigures.traces(run, trials, results.timeline);
        List<RunFigures.Figure> matrices = RunFigures.arrays(run);

        html(run, results, arrays, accuracy, loss, traces, own, matrices).write(run.dir.resolve(RunContents.REPORT));
        NotebookWriter.write(run, results, trials.stream().map(Traces.Trial::task).toList());
    }

    /** Re-renders a run: {@code RunReport <run directory>}. Exit code 2 with one sentence on a bad path. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line without exiting: 0 when rendered, 2 (after one sentence on {@code err}) when not. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("Usage: RunReport <run directory>, e.g. RunReport runs/molap-20261122-231500.");
            return 2;
        }
        try {
            render(Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            err.println("\"" + args[0] + "\" is not a valid path (" + e.getReason() + "); pass a run directory.");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        out.println("Wrote " + dir.resolve(RunContents.REPORT) + ", " + dir.resolve(RunContents.NOTEBOOK)
                + " and the figures in " + dir.resolve(RunContents.FIGURES) + ".");
        return 0;
    }

    static HtmlReport html(RunContents run, Results results, List<List<String>> arrays, RunFigures.Figure accuracy,
                           RunFigures.Figure loss, List<RunFigures.Figure> traces, List<RunFigures.Figure> own,
                           List<RunFigures.Figure> matrices) {
        HtmlReport r = new HtmlReport().title("Run " + run.name());
        if (!"complete".equals(run.manifestText("status"))) {
            r.note("This run's status is \"" + run.manifestText("status") + "\", not \"complete\": its results may "
                    + "be partial.");
        }
        r.heading("Run");
        r.table(List.of("Field", "Value"), summaryRows(run));

        if (!results.tasks.isEmpty()) {
            r.heading("Accuracy");
            long above = results.tasks.stream().filter(t -> t.accuracy() > RunFigures.ACCURACY_CRITERION).count();
            r.paragraph(above + " of " + results.tasks.size() + " tasks above " + RunFigures.criterionText()
                    + " correct, the MoLaP paper's success bar (appendix A.3).");
            r.table(List.of("Task", "Accuracy", "At tolerance 0.2", "Per-unit accuracy"), taskRows(results));
            figure(r, accuracy);
        }
        if (!results.methods.isEmpty()) {
            methodTables(r, results.methods);
        }
        if (!results.claims.isEmpty()) {
            r.heading("Claims of the paper");
            r.table(List.of("Claim", "Verdict", "Criterion", "Evidence"), results.claims.stream()
                    .map(c -> List.of(c.claim(), c.verdict(), c.criterion(), c.evidence())).toList());
        }
        if (results.canonicalCorrelations != null) {
            r.heading("Canonical correlations");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < results.canonicalCorrelations.length; i++) {
                rows.add(List.of("CC " + (i + 1), Fmt.trim(results.canonicalCorrelations[i], 4)));
            }
            r.table(List.of("Component", "Correlation"), rows);
        }
        if (!results.phases.isEmpty() || loss != null) {
            r.heading("Training");
            if (!results.phases.isEmpty()) {
                phaseTable(r, results.phases);
            }
            figure(r, loss);
        }
        if (!own.isEmpty()) {
            r.heading("Figures");
            own.forEach(f -> figure(r, f));
        }
        if (!traces.isEmpty()) {
            r.heading("Output vs target");
            traces.forEach(f -> figure(r, f));
        }
        if (!matrices.isEmpty()) {
            r.heading("Arrays");
            matrices.forEach(f -> figure(r, f));
        }
        List<List<String>> other = Scalars.rows(run.results, results.recognised);
        if (!other.isEmpty()) {
            r.heading("Other results");
            r.table(List.of("Key", "Value"), other);
        }
        if (!arrays.isEmpty()) {
            r.heading("Arrays");
            r.table(List.of("File", "Shape", "Type"), arrays);
        }
        JsonNode config = run.manifest.get("config");
        if (config != null && !config.isNull()) {
            r.heading("Configuration");
            r.preformatted(pretty(config));
        }
        r.paragraph("Rendered by notebooks-export from " + run.dir + ". " + RunContents.NOTEBOOK
                + " in the same folder loads the run's files and redraws these figures.");
        return r;
    }

    /** File, shape and dtype of every array, from the .npy headers. */
    private static List<List<String>> arrayRows(RunContents run) {
        List<List<String>> rows = new ArrayList<>();
        run.arrays.forEach((name, path) -> {
            Npy.Header h = Npy.header(path);
            rows.add(List.of(RunContents.ARRAYS + "/" + name, Npy.shapeText(h.shape()), h.dtype()));
        });
        return rows;
    }

    private static List<List<String>> summaryRows(RunContents run) {
        List<List<String>> rows = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (String[] field : SUMMARY) {
            rows.add(List.of(field[1], run.manifestText(field[0])));
            shown.add(field[0]);
        }
        String duration = duration(run.manifestText("started"), run.manifestText("ended"));
        if (duration != null) {
            rows.add(List.of("Duration", duration));
        }
        shown.add("config");
        rows.addAll(Scalars.rows(run.manifest, shown));
        return rows;
    }

    private static List<List<String>> taskRows(Results results) {
        List<List<String>> rows = new ArrayList<>();
        for (Results.Task t : results.tasks) {
            List<String> units = new ArrayList<>();
            double[] perUnit = t.perUnit() == null ? new double[0] : t.perUnit();
            for (int i = 0; i < perUnit.length; i++) {
                String name = i < t.channels().size() ? t.channels().get(i) : "unit " + i;
                units.add(name + " " + Fmt.percent(perUnit[i]));
            }
            rows.add(List.of(t.name(), Fmt.percent(t.accuracy()), Fmt.percent(t.lenientAccuracy()), String.join(", ", units)));
        }
        rows.add(List.of("Mean", Fmt.percent(results.tasks.stream().mapToDouble(Results.Task::accuracy).average().orElse(Double.NaN)),
                Fmt.percent(results.tasks.stream().mapToDouble(Results.Task::lenientAccuracy).average().orElse(Double.NaN)), ""));
        return rows;
    }

    /** A comparison of methods: accuracy per task and method, then parameters and updates per method. */
    private static void methodTables(HtmlReport r, List<Results.Method> methods) {
        r.heading("Methods");
        Set<String> tasks = new LinkedHashSet<>();
        methods.forEach(m -> tasks.addAll(m.accuracy().keySet()));
        List<String> header = new ArrayList<>(List.of("Task"));
        methods.forEach(m -> header.add(m.label()));
        List<List<String>> rows = new ArrayList<>();
        for (String task : tasks) {
            List<String> row = new ArrayList<>(List.of(task));
            methods.forEach(m -> row.add(withSpread(m.accuracy().getOrDefault(task, Double.NaN), m.spread().get(task))));
            rows.add(row);
        }
        List<String> mean = new ArrayList<>(List.of("Mean"));
        methods.forEach(m -> mean.add(withSpread(m.mean(), m.spread().get("mean"))));
        rows.add(mean);
        r.table(header, rows);
        List<List<String>> counts = new ArrayList<>();
        for (Results.Method m : methods) {
            counts.add(List.of(m.label(), Fmt.number(m.parameters()), Fmt.number(m.trainedParameters()),
                    Fmt.number(m.parameterUpdates())));
        }
        r.paragraph("Parameters the method holds at the end, parameters trained (summed over phases), and scalar "
                + "parameter updates actually applied (trainable entries times iterations), from the trainer's records.");
        r.table(List.of("Method", "Parameters", "Trained (per phase)", "Parameter updates"), counts);
    }

    /** "93.1%", or "93.1% ± 2.0" for a mean over seeds with its standard deviation. */
    private static String withSpread(double fraction, Double sd) {
        return sd == null ? Fmt.percent(fraction) : Fmt.percent(fraction) + String.format(java.util.Locale.ROOT, " ± %.1f", 100 * sd);
    }

    /** The phases as a table, one column per key in order of first appearance. */
    private static void phaseTable(HtmlReport r, List<JsonNode> phases) {
        Set<String> keys = new LinkedHashSet<>();
        phases.forEach(p -> p.fieldNames().forEachRemaining(keys::add));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode p : phases) {
            rows.add(keys.stream().map(k -> Scalars.text(p.get(k))).toList());
        }
        r.table(keys.stream().map(RunReport::columnName).toList(), rows);
    }

    private static String columnName(String key) {
        String name = key.equals("ms_per_iteration") ? "ms / iteration" : key.replace('_', ' ');
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "2 min 3 s" between two ISO-8601 timestamps, or null when either does not parse. */
    static String duration(String started, String ended) {
        try {
            java.time.Duration d = java.time.Duration.between(java.time.OffsetDateTime.parse(started),
                    java.time.OffsetDateTime.parse(ended));
            long s = d.getSeconds();
            return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d h %d min %d s", s / 3600, s / 60 % 60, s % 60)
                    : s >= 60 ? String.format(java.util.Locale.ROOT, "%d min %d s", s / 60, s % 60) : s + " s";
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void figure(HtmlReport r, RunFigures.Figure f) {
        if (f != null) {
            r.figure(f.path(), f.caption());
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return RunContents.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
