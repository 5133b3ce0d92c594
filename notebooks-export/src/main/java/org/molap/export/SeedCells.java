package org.molap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The notebook sections of seed 002's experiment (disentangle) and seed 003's (NM-RNN: Measure-Wait-Go, its rank-1
 * network, multitask retraining, Element Finder): each redraws the report's main figure from results.json and
 * arrays/, as matplotlib code, and lists the claims. Which sections a run gets is read from results.json's
 * "experiment".
 */
final class SeedCells {
    /** A markdown heading and the code under it. */
    record Section(String heading, String code) {
    }

    /** The results.json keys these sections show (left out of the generic "other results" cell). */
    static final Set<String> RECOGNISED = Set.of("models", "conditions", "networks", "chance_mse", "ceiling");

    private SeedCells() {
    }

    static boolean applies(JsonNode results) {
        return results != null && Set.of("disentangle", "mwg", "mwg-rank-one", "nm-multitask", "element-finder")
                .contains(results.path("experiment").asText());
    }

    static List<Section> sections(JsonNode results, Set<String> arrays) {
        List<Section> out = new ArrayList<>();
        switch (results.path("experiment").asText()) {
            case "mwg" -> {
                out.add(new Section("## Produced interval against the interval (medians over networks)", producedInterval()));
                out.add(new Section("## Per-network scores", scoresTable()));
            }
            case "mwg-rank-one" -> {
                if (arrays.contains("rank1_theory_curves.npy")) {
                    out.add(new Section("## Rank-1 NM-RNN: s(t) against appendix B's prediction on the ramp", rankOne()));
                }
            }
            case "nm-multitask" -> out.add(new Section("## Percent correct per task, after training and after retraining "
                    + "on Memory Anti (medians over networks, bars: quartiles)", multitask()));
            case "element-finder" -> out.add(new Section("## Element Finder: held-out MSE per condition (median, bars: "
                    + "quartiles; dots: networks)", elementFinder()));
            case "disentangle" -> out.add(new Section("## Decoding the stimulus in and out of distribution, by number of tasks "
                    + "(median, bars: quartiles; dots: networks x folds (x fits))", disentangle()));
            default -> {
            }
        }
        out.add(new Section("## The paper's claims, as judged on this run", claims()));
        return out;
    }

    private static String producedInterval() {
        return """
                models = results["models"]
                first = next(iter(models.values()))
                intervals = np.array(first["intervals"])
                fig, ax = plt.subplots(figsize=(7.5, 6))
                ax.plot(intervals, first["target_crossing"], "k--", label="target ramp's own crossing")
                for m in models.values():
                    ax.plot(intervals, m["produced_median"], marker="o", label=m["label"])
                ax.axvspan(12, 18, color="grey", alpha=0.15, lw=0, label="trained intervals")
                ax.set_xlabel("interval I (steps)")
                ax.set_ylabel("produced interval (steps)")
                ax.set_title("Measure-Wait-Go: produced against requested interval")
                ax.grid(alpha=0.3)
                ax.legend()
                fig.tight_layout()
                plt.show()""";
    }

    private static String scoresTable() {
        return """
                SCORES = ["train_mse", "extrapolation_mse", "produced_error", "trained_produced_error", "seconds"]
                print("model    " + "".join(f"{s:>24}" for s in SCORES))
                for m in results["models"].values():
                    print(f"{m['label']:<9}" + "".join(f"{m[s]['median']:>24.4g}" for s in SCORES))
                print("(medians over networks; each network's values are under results['models'][model][score]['networks'])")""";
    }

    private static String rankOne() {
        return """
                curves = arrays["rank1_theory_curves"]            # [interval, (s, prediction, w, target), T]
                INTERVALS = [7, 15, 23][:curves.shape[0]]
                fig, axes = plt.subplots(1, len(INTERVALS), figsize=(4 * len(INTERVALS), 4), sharey=True, squeeze=False)
                for ax, interval, c in zip(axes[0], INTERVALS, curves):
                    go = 15 + interval + 15                       # measure at 15, wait 15
                    t = np.arange(c.shape[1]) - go
                    ax.plot(t, c[0], label="network s(t)")
                    ramp = slice(go + 1, go + interval + 1)
                    ax.plot(t[ramp], c[1][ramp], "k--", label="appendix B prediction")
                    ax.set_xlim(-10, interval + 15)
                    ax.set_title(f"I = {interval}")
                    ax.set_xlabel("steps from go")
                    ax.grid(alpha=0.3)
                axes[0, 0].set_ylabel("s(t)")
                axes[0, 0].legend()
                fig.tight_layout()
                plt.show()""";
    }

    private static String multitask() {
        return """
                models = results["models"]
                fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
                for ax, stage in zip(axes, ["trained", "retrained"]):
                    tasks = list(next(iter(models.values()))[stage])
                    width = 0.8 / len(models)
                    for i, m in enumerate(models.values()):
                        med = [100 * m[stage][t]["median"] for t in tasks]
                        err = [[100 * (m[stage][t]["median"] - m[stage][t]["q1"]) for t in tasks],
                               [100 * (m[stage][t]["q3"] - m[stage][t]["median"]) for t in tasks]]
                        ax.bar(np.arange(len(tasks)) + (i - (len(models) - 1) / 2) * width, med, width, yerr=err,
                               capsize=2, label=m["label"])
                    ax.set_xticks(np.arange(len(tasks)), tasks)
                    ax.set_title("after training" if stage == "trained" else "after retraining on Memory Anti")
                    ax.set_ylim(0, 100)
                    ax.grid(alpha=0.3, axis="y")
                axes[0].set_ylabel("% correct (atan2 decoder)")
                axes[1].legend()
                fig.tight_layout()
                plt.show()
                for m in models.values():
                    gap = {t: round(100 * (m["retrained_arctan"][t]["median"] - m["retrained"][t]["median"]), 1)
                           for t in m["retrained"]}
                    print(m["label"], "arctan minus atan2 (points, opposite answers the authors' decoder counts):", gap)""";
    }

    private static String elementFinder() {
        return """
                conditions = results["conditions"]
                names = list(conditions)
                fig, ax = plt.subplots(figsize=(max(8, 0.8 * len(names)), 5))
                for i, name in enumerate(names):
                    h = conditions[name]["held_out_mse"]
                    ax.errorbar(i, h["median"], yerr=[[h["median"] - h["q1"]], [h["q3"] - h["median"]]], fmt="o",
                                capsize=4, color="C0" if conditions[name]["model"] == "nm" else "C1")
                    ax.plot(np.full(len(h["networks"]), i), h["networks"], ".", color="grey", alpha=0.5)
                ax.axhline(results["chance_mse"], color="tab:red", linestyle="--", label="predicting the mean")
                ax.set_xticks(range(len(names)), [conditions[n]["label"] for n in names], rotation=40, ha="right")
                ax.set_ylabel("held-out MSE at the last step")
                ax.set_yscale("log")
                ax.grid(alpha=0.3)
                ax.legend()
                fig.tight_layout()
                plt.show()""";
    }

    private static String disentangle() {
        return """
                rows = results["conditions"]
                fig, ax = plt.subplots(figsize=(8, 5))
                for k, (key, label) in enumerate([("id", "in distribution"), ("ood", "out of distribution")]):
                    for i, c in enumerate(rows):
                        q = c[key]
                        x = i + (k - 0.5) * 0.3
                        ax.errorbar(x, q["median"], yerr=[[q["median"] - q["q1"]], [q["q3"] - q["median"]]], fmt="o",
                                    capsize=4, color=f"C{k}", label=label if i == 0 else None)
                        ax.plot(np.full(len(q["values"]), x), q["values"], ".", color="grey", alpha=0.4)
                ax.axhline(results["ceiling"], color="tab:red", linestyle="--", label=f"ideal observer, {results['ceiling']:.3f}")
                ax.set_xticks(range(len(rows)), [f"{c['tasks']} tasks" + ("" if c["dims"] == 2 else f", D = {c['dims']}") for c in rows])
                ax.set_ylabel("r^2 = 1 - MSE / (1/12)")
                ax.grid(alpha=0.3)
                ax.legend()
                fig.tight_layout()
                plt.show()
                # the per-fold table: fold q holds out the orthants q mod 4
                print(f"{'condition':>14} {'seed':>5} {'accuracy':>9}  {'ID r^2 per fold':<27}  {'OOD r^2 per fold':<27}")
                for c in rows:
                    name = f"{c['tasks']} tasks" + ("" if c["dims"] == 2 else f", D {c['dims']}")
                    for n in c.get("networks", []):
                        fold = lambda v: " ".join(f"{x:6.3f}" for x in v)
                        print(f"{name:>14} {n['seed']:>5} {n['accuracy']:9.3f}  {fold(n['id_folds']):<27}  {fold(n['ood_folds']):<27}")""";
    }

    private static String claims() {
        return """
                for c in results.get("claims", []):
                    print(f"[{c['verdict']}] {c['claim']}")
                    print(f"    criterion: {c['criterion']}")
                    print(f"    measured:  {c['evidence']}")""";
    }
}
