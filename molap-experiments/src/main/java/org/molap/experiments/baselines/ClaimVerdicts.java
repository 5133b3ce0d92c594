package org.molap.experiments.baselines;

import org.molap.core.stats.Spread;
import org.molap.core.tasks.MolapTasks;
import org.molap.experiments.summary.Claim;

import static org.molap.experiments.summary.Claim.better;
import static org.molap.experiments.summary.Claim.pm;
import static org.molap.experiments.summary.Claim.pmPoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims of seed 000 section 4 about MoLaP against its baselines, each judged on runs over seeds with a
 * stated criterion ({@link Claim}: "better" is a paired difference beyond twice its standard error).
 */
final class ClaimVerdicts {
    static final String MOLAP = BaselinesExperiment.MOLAP;
    /** Simpler tasks T1-T4 and flexible-mapping tasks T5-T9 (seed 000 section 4). */
    static final List<String> SIMPLE = MolapTasks.names().subList(0, 4);
    static final List<String> COMPLEX = MolapTasks.names().subList(4, 9);
    /** "Comparable": within this many accuracy points (fraction 0.05). */
    static final double COMPARABLE = 0.05;
    /** "About two orders of magnitude": a ratio of at least 10^1.5. */
    static final double TWO_ORDERS = Math.pow(10, 1.5);

    private final SeedRuns runs;

    private ClaimVerdicts(SeedRuns runs) {
        this.runs = runs;
    }

    /** Every claim whose methods and tasks are in the runs. */
    static List<Claim> judge(SeedRuns runs) {
        ClaimVerdicts v = new ClaimVerdicts(runs);
        List<Claim> claims = new ArrayList<>();
        if (!runs.methods.containsKey(MOLAP)) {
            return claims;
        }
        if (runs.methods.containsKey(BaselinesExperiment.SEPARATE) && runs.tasks.containsAll(SIMPLE)) {
            claims.add(v.comparableOnSimpleTasks());
        }
        if (runs.methods.size() > 1) {
            claims.add(v.highestMean());
        }
        if (runs.methods.containsKey(BaselinesExperiment.SEPARATE) && runs.methods.containsKey(BaselinesExperiment.DNI)) {
            claims.add(v.fewerUpdates());
        }
        if (runs.methods.containsKey(BaselinesExperiment.NO_PRETRAINING) && runs.methods.containsKey(BaselinesExperiment.PCA)
                && runs.tasks.containsAll(COMPLEX)) {
            claims.add(v.ccaBetterOnComplexTasks());
        }
        return claims;
    }

    private Claim comparableOnSimpleTasks() {
        Spread molap = over(MOLAP, SIMPLE);
        Spread separate = over(BaselinesExperiment.SEPARATE, SIMPLE);
        return new Claim("MoLaP performs comparably to separate networks on the simpler tasks T1-T4",
                "MoLaP's mean over T1-T4 is at least the separate networks' minus 5 points",
                molap.mean() >= separate.mean() - COMPARABLE,
                "mean over T1-T4: MoLaP " + pm(molap) + ", separate networks " + pm(separate));
    }

    private Claim highestMean() {
        Spread molap = over(MOLAP, runs.tasks);
        boolean holds = true;
        StringBuilder evidence = new StringBuilder("mean over the " + runs.tasks.size() + " tasks: MoLaP " + pm(molap));
        for (String other : runs.methods.keySet()) {
            if (other.equals(MOLAP)) {
                continue;
            }
            Spread diff = paired(MOLAP, other, runs.tasks);
            holds &= better(diff);
            evidence.append("; ").append(other).append(' ').append(pm(over(other, runs.tasks)))
                    .append(" (MoLaP minus it, same seeds: ").append(pmPoints(diff)).append(')');
        }
        return new Claim("Only MoLaP achieves the highest performance across all tasks (highest mean)",
                "MoLaP's mean over the tasks exceeds every other method's by more than twice the standard error of the paired difference",
                holds, evidence.toString());
    }

    private Claim fewerUpdates() {
        long molap = meanCount(MOLAP);
        long dni = meanCount(BaselinesExperiment.DNI);
        long separate = meanCount(BaselinesExperiment.SEPARATE);
        double vsDni = (double) dni / molap;
        double vsSeparate = (double) separate / molap;
        return new Claim("MoLaP makes about two orders of magnitude fewer parameter updates than DNI and separate networks",
                "updates of DNI and of separate networks are each at least 10^1.5 (about 32) times MoLaP's",
                vsDni >= TWO_ORDERS && vsSeparate >= TWO_ORDERS,
                String.format("scalar parameter updates: MoLaP %.3e, DNI %.3e (%.1fx), separate networks %.3e (%.1fx)",
                        (double) molap, (double) dni, vsDni, (double) separate, vsSeparate));
    }

    private Claim ccaBetterOnComplexTasks() {
        boolean holds = true;
        StringBuilder evidence = new StringBuilder("mean over T5-T9: MoLaP (CCA) " + pm(over(MOLAP, COMPLEX)));
        for (String other : List.of(BaselinesExperiment.NO_PRETRAINING, BaselinesExperiment.PCA)) {
            Spread diff = paired(MOLAP, other, COMPLEX);
            holds &= better(diff);
            evidence.append("; ").append(other).append(' ').append(pm(over(other, COMPLEX)))
                    .append(" (CCA minus it, same seeds: ").append(pmPoints(diff)).append(')');
        }
        return new Claim("CCA primitives do better than no pre-training and than PCA primitives on the complex tasks T5-T9",
                "the paired difference of the means over T5-T9 exceeds twice its standard error, against both",
                holds, evidence.toString());
    }

    /** A method's mean over the given tasks, one value per seed. */
    Spread over(String method, List<String> tasks) {
        return Spread.of(runs.perSeed(method, tasks, "accuracy"));
    }

    /** a - b of the mean over tasks, on the seeds both methods ran. */
    private Spread paired(String a, String b, List<String> tasks) {
        Set<Long> seeds = new TreeSet<>(runs.methods.get(a).bySeed().keySet());
        seeds.retainAll(runs.methods.get(b).bySeed().keySet());
        if (seeds.isEmpty()) {
            throw new org.molap.experiments.UsageException("Methods " + a + " and " + b + " share no seed; a paired comparison needs runs of the same seeds.");
        }
        return Spread.of(seeds.stream().mapToDouble(s -> runs.meanOver(a, s, tasks, "accuracy") - runs.meanOver(b, s, tasks, "accuracy")).toArray());
    }

    private long meanCount(String method) {
        return Math.round(runs.methods.get(method).bySeed().keySet().stream()
                .mapToLong(seed -> runs.count(method, seed, "parameter_updates")).average().orElseThrow());
    }
}
