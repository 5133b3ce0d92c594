package org.molap.export;

import org.molap.core.run.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's notebook.ipynb (nbformat 4.5): Python cells (json, numpy, matplotlib) that load
 * manifest.json, results.json, metrics.jsonl and every arrays/*.npy of the run and redraw the report's
 * figures. Only cells for what the run has are written, so the notebook runs top to bottom as it is.
 */
public final class NotebookWriter {
    private NotebookWriter() {
    }

    /** Reads the run directory and writes its notebook.ipynb. */
    public static void write(Path runDir) {
        RunContents run = RunContents.open(runDir);
        Results results = Results.of(run.results);
        write(run, results, Traces.tasks(run, results));
    }

    static void write(RunContents run, Results results, List<String> traceTasks) {
        try {
            String json = RunContents.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(notebook(run, results, traceTasks));
            AtomicFiles.write(run.dir.resolve(RunContents.NOTEBOOK), json + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise the notebook: " + e.getMessage(), e);
        }
    }

    /** The notebook as JSON. */
    static ObjectNode notebook(RunContents run, Results results, List<String> traceTasks) {
        Cells cells = new Cells();
        cells.markdown(introduction(run));
        cells.code(setup(run));
        if (run.hasMetrics) {
            cells.code("""
                    metrics = [json.loads(line) for line in (RUN / "metrics.jsonl").read_text().splitlines()
                               if line.strip()]
                    print(len(metrics), "metric events")""");
        }
        if (!run.arrays.isEmpty()) {
            cells.code("ARRAY_FILES = " + pythonList(new ArrayList<>(run.arrays.keySet())) + "\n" + """
                    arrays = {name[:-len(".npy")]: np.load(RUN / "arrays" / name) for name in ARRAY_FILES}
                    for name, a in arrays.items():
                        print(f"{name}: shape {a.shape}, dtype {a.dtype}")""");
        }
        if (!results.tasks.isEmpty()) {
            cells.markdown("## Accuracy per task");
            cells.code(accuracy());
        }
        if (results.canonicalCorrelations != null) {
            cells.code("print(\"canonical correlations:\", results[\"canonical_correlations\"])");
        }
        if (!results.phases.isEmpty()) {
            cells.markdown("## Training phases");
            cells.code("""
                    keys = list(dict.fromkeys(k for p in results["phases"] for k in p))
                    print("\\t".join(keys))
                    for p in results["phases"]:
                        print("\\t".join(str(p.get(k, "")) for k in keys))""");
        }
        var curves = RunFigures.lossCurves(run.metrics);
        if (!curves.isEmpty()) {
            cells.markdown("## Training loss");
            cells.code(trainingLoss(RunFigures.logScale(curves)));
        }
        if (!traceTasks.isEmpty()) {
            cells.markdown("## Output vs target");
            cells.code("TRACE_TASKS = " + pythonList(traceTasks) + "\n" + traces());
        }
        if (run.results != null && run.results.path("perturbations").isObject()) {
            cells.markdown("## Perturbations: % correct against the level (mean over tasks, bars: sd over draws)");
            cells.code(perturbations());
        }
        if (run.results != null && (run.results.path("cca_every_task").isObject() || run.results.path("conditions").path("cca_every_task").isObject())) {
            cells.markdown("## Generalisation: accuracy on the tasks the primitives did not see");
            cells.code(generalisation());
        }
        boolean seedCells = SeedCells.applies(run.results);
        if (seedCells) {
            for (SeedCells.Section section : SeedCells.sections(run.results, run.arrays.keySet())) {
                cells.markdown(section.heading());
                cells.code(section.code());
            }
        }
        if (run.arrays.keySet().stream().anyMatch(NotebookWriter::isOtherArray)) {
            cells.markdown("## Other arrays");
            cells.code(otherArrays());
        }
        List<String> recognised = new ArrayList<>(results.recognised);
        if (seedCells) {
            recognised.addAll(SeedCells.RECOGNISED);
            recognised.add(Results.CLAIMS);
        }
        if (!Scalars.rows(run.results, new java.util.LinkedHashSet<>(recognised)).isEmpty()) {
            cells.markdown("## Other results");
            cells.code("RECOGNISED = " + pythonList(recognised) + "\n"
                    + "print(json.dumps({k: v for k, v in results.items() if k not in RECOGNISED}, indent=2))");
        }
        ObjectNode nb = RunContents.JSON.createObjectNode();
        nb.set("cells", cells.array);
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("kernelspec").put("display_name", "Python 3").put("language", "python").put("name", "python3");
        meta.putObject("language_info").put("name", "python");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return nb;
    }

    private static String introduction(RunContents run) {
        return "# Run " + run.name() + "\n\n"
                + String.format(Locale.ROOT, "Experiment **%s**, profile **%s**, status **%s**, git commit `%s`.%n%n",
                        run.manifestText("experiment"), run.manifestText("profile"), run.manifestText("status"),
                        run.manifestText("git_commit"))
                + "Written by notebooks-export next to the run's files. It loads `manifest.json`, `results.json`, "
                + "`metrics.jsonl` and every array in `arrays/`, and redraws the figures of `report.html` with "
                + "matplotlib. Open it from the run directory, or set `RUN` below.";
    }

    private static String setup(RunContents run) {
        return """
                import json
                from pathlib import Path

                import matplotlib.pyplot as plt
                import numpy as np

                # The run directory: the notebook's own folder when opened from there, else where it was rendered.
                """
                + "RUN = Path.cwd() if (Path.cwd() / \"manifest.json\").exists() else Path("
                + pythonString(run.dir.toString()) + ")\n" + """
                manifest = json.loads((RUN / "manifest.json").read_text())
                # a run stopped early (interrupted, failed) has no results.json: what it trained is still here
                results = json.loads((RUN / "results.json").read_text()) if (RUN / "results.json").exists() else {}
                print(RUN)
                print({k: manifest.get(k) for k in ("experiment", "profile", "status", "git_commit", "backend")})""";
    }

    private static String accuracy() {
        return "CRITERION = " + Fmt.trim(100 * RunFigures.ACCURACY_CRITERION, 1)
                + "  # % correct, the MoLaP paper's success bar (appendix A.3)\n" + """
                tasks = results["tasks"]
                names = list(tasks)
                accuracy = [100 * tasks[t]["accuracy"] for t in names]
                fig, ax = plt.subplots(figsize=(9.6, 5.4))
                bars = ax.bar(names, accuracy, color="tab:blue")
                ax.bar_label(bars, fmt="%.1f")
                ax.axhline(CRITERION, color="tab:red", linestyle="--", label=f"{CRITERION}% criterion")
                ax.set_ylim(0, 100)
                ax.set_ylabel("accuracy (%)")
                ax.set_title("Test accuracy per task")
                ax.legend(loc="lower right")
                plt.setp(ax.get_xticklabels(), rotation=35, ha="right")
                fig.tight_layout()
                plt.show()
                for t in names:
                    units = dict(zip(tasks[t].get("output_channels", []), tasks[t].get("per_unit_accuracy", [])))
                    print(f"{t}: {accuracy[names.index(t)]:.1f}%", units)""";
    }

    private static String trainingLoss(boolean logY) {
        return """
                curves = {}
                for m in metrics:
                    if isinstance(m.get("loss"), (int, float)):
                        its, losses = curves.setdefault(m.get("phase", "training"), ([], []))
                        its.append(m.get("iteration", len(its)))
                        losses.append(m["loss"])
                fig, ax = plt.subplots(figsize=(9.6, 5.4))
                for phase, (its, losses) in curves.items():
                    ax.plot(its, losses, label=phase)
                """ + (logY ? "ax.set_yscale(\"log\")\n" : "") + """
                ax.set_xlabel("iteration")
                ax.set_ylabel("loss")
                ax.set_title("Training loss")
                ax.grid(alpha=0.3)
                ax.legend()
                fig.tight_layout()
                plt.show()""";
    }

    private static String traces() {
        return """
                TRIALS = 3
                timeline = results.get("timeline")

                def task_time(steps):
                    # task time (0 where the task starts after the silent steps) when the timeline gives dt, else steps
                    if timeline and timeline.get("dt"):
                        return (np.arange(steps) - timeline["silent"][1]) * timeline["dt"], "time (task units)"
                    return np.arange(steps), "time step"

                def bands(task):
                    # as the report's figures: silent start, stimulus (light: where it may end), response, scored window
                    if not timeline:
                        return []
                    b = [(timeline["silent"], "grey", 0.12)]
                    for name, (start, end) in timeline.get("stimulus_periods", {}).get(task, {}).items():
                        if end > start:
                            b.append(((start, end), "tab:blue", 0.08 if name.endswith("ends") else 0.18))
                    b.append(((timeline["go_cue"], timeline["steps"]), "gold", 0.16))
                    b.append(((timeline["scored_window"][0], timeline["steps"]), "green", 0.2))
                    return b

                for task in TRACE_TASKS:
                    out, tgt = arrays[f"test_outputs_{task}"], arrays[f"test_targets_{task}"]
                    if out.ndim == 2:
                        out, tgt = out[None], tgt[None]
                    channels = results.get("tasks", {}).get(task, {}).get("output_channels") or []
                    n, k = out.shape[1], min(TRIALS, out.shape[0])
                    x, xlabel = task_time(out.shape[2])
                    fig, axes = plt.subplots(n, 1, figsize=(9.6, 0.8 + 1.5 * n), sharex=True, squeeze=False)
                    for c, ax in enumerate(axes[:, 0]):
                        for (start, end), colour, alpha in bands(task):
                            ax.axvspan(x[start], x[min(end, len(x) - 1)], color=colour, alpha=alpha, lw=0)
                        for i in range(k):
                            ax.plot(x, out[i, c], color=f"C{i}", label=f"output {i + 1}")
                            ax.plot(x, tgt[i, c], color=f"C{i}", linestyle="--", label=f"target {i + 1}")
                        ax.set_ylabel(channels[c] if c < len(channels) else f"output {c}")
                        ax.grid(alpha=0.3)
                    axes[-1, 0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=2 * k)
                    axes[0, 0].set_title(f"{task}: output vs target, test trials 1-{k}")
                    axes[-1, 0].set_xlabel(xlabel)
                    fig.tight_layout()
                    plt.show()""";
    }

    /** As the report's figures/robustness_<family>.png: one panel per perturbation family, a curve per method. */
    private static String perturbations() {
        return """
                for family, f in results["perturbations"].items():
                    fig, ax = plt.subplots(figsize=(9.6, 5))
                    for method, m in f["methods"].items():
                        if "mean_over_tasks" in m:    # one run: bars are the spread over draws
                            mean = 100 * np.array(m["mean_over_tasks"]["mean"])
                            sd = 100 * np.array(m["mean_over_tasks"]["sd"])
                        else:                         # a summary over seeds: bars are the spread over seeds (in %)
                            mean = np.array(m["mean_over_seeds"])
                            sd = np.array(m["sd_over_seeds"])
                        ax.errorbar(f["levels"], mean, yerr=sd, marker="o", ms=4, capsize=3, label=method)
                    ax.set_xlabel(f["axis"])
                    ax.set_ylabel("% correct")
                    ax.set_title(family + ": % decisions correct, mean over tasks")
                    ax.grid(alpha=0.3)
                    ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
                    fig.tight_layout()
                    plt.show()""";
    }

    /** As the report's figures/generalization.png: grouped bars per task, one per pre-training. */
    private static String generalisation() {
        return """
                # one run: results[condition][task]; a summary over seeds: results["conditions"][condition][task] {mean, sd}
                bars = results.get("conditions", results)
                KEYS = [k for k in ("cca_every_task", "cca_leave_one_out", "cca_leave_two_out", "pca_leave_one_out",
                                    "pca_leave_two_out") if k in bars]
                tasks = list(bars[KEYS[0]])
                fig, ax = plt.subplots(figsize=(11, 5))
                width = 0.8 / len(KEYS)
                for i, key in enumerate(KEYS):
                    cells = [bars[key][t] for t in tasks]
                    means = [100 * (c["mean"] if isinstance(c, dict) else c) for c in cells]
                    sds = [100 * c["sd"] for c in cells] if isinstance(cells[0], dict) else None
                    ax.bar(np.arange(len(tasks)) + (i - (len(KEYS) - 1) / 2) * width, means, width, yerr=sds, capsize=2,
                           label=key.replace("_", " "))
                ax.axhline(70, color="tab:red", linestyle="--", lw=1)
                ax.set_xticks(np.arange(len(tasks)), tasks, rotation=30)
                ax.set_ylabel("% correct")
                ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=len(KEYS))
                fig.tight_layout()
                plt.show()""";
    }

    private static String otherArrays() {
        return """
                for name, a in arrays.items():
                    if name.startswith(("test_outputs_", "test_targets_")):
                        continue
                    if a.ndim == 2 and min(a.shape) > 1:     # a matrix: a heat map (a row of values is printed)
                        lim = float(np.nanmax(np.abs(a))) or 1.0
                        fig, ax = plt.subplots(figsize=(5.5, 4.5))
                        im = ax.imshow(a, cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
                        fig.colorbar(im, ax=ax)
                        ax.set_title(f"{name} {a.shape}")
                        plt.show()
                    else:
                        print(f"{name}: shape {a.shape}, mean {np.nanmean(a):.4g}, std {np.nanstd(a):.4g}")""";
    }

    private static boolean isOtherArray(String file) {
        return !file.startsWith(Traces.OUTPUTS) && !file.startsWith(Traces.TARGETS);
    }

    /** A JSON string literal, which is also a valid Python string literal. */
    private static String pythonString(String s) {
        try {
            return RunContents.JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pythonList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(NotebookWriter::pythonString).toList()) + "]";
    }

    /** Notebook cells with nbformat 4.5 ids; sources stored as lists of lines, as Jupyter writes them. */
    private static final class Cells {
        final ArrayNode array = RunContents.JSON.createArrayNode();

        void markdown(String text) {
            cell("markdown", text);
        }

        void code(String text) {
            ObjectNode c = cell("code", text);
            c.putNull("execution_count");
            c.putArray("outputs");
        }

        private ObjectNode cell(String type, String text) {
            ObjectNode c = array.addObject();
            c.put("cell_type", type);
            c.put("id", String.format(Locale.ROOT, "cell-%02d", array.size()));
            c.putObject("metadata");
            ArrayNode source = c.putArray("source");
            String[] lines = text.strip().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                source.add(i < lines.length - 1 ? lines[i] + "\n" : lines[i]);
            }
            return c;
        }
    }
}
