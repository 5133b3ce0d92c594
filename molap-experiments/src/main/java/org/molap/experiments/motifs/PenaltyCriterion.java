package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.molap.core.stats.Wilcoxon;
import org.molap.experiments.summary.Claim;

/**
 * Seed 001 WI-1's criteria for the chaining penalty (chained / random network score) of a network without the
 * preparatory module. They depend on the architecture, the motif family and the variant; NaN marks a part a criterion
 * does not have:
 * <ul>
 *   <li>#2 additive, step motifs, N 300, sigma_init 1: penalty >= 1.15 on every network, >= 1.25 on average, pooled
 *       two-sided Wilcoxon p < 0.01;</li>
 *   <li>#3 additive, oscillatory motifs: random score <= 0.16 (paper 0.107 + 50%), penalty >= 1.5 (paper 2.07), pooled
 *       p < 0.05;</li>
 *   <li>#4 control, step: random score within 0.258 +- 40%, penalty >= 1.5 (paper 0.533 / 0.258);</li>
 *   <li>#5 multiplicative, step: penalty >= 1.2, p < 0.05 on at least two thirds of the networks;</li>
 *   <li>#6 the additive variants (N 1000, sigma_init 1.2, any other size): penalty >= 1.2.</li>
 * </ul>
 * Penalties and scores "on average" are means over networks (seeds).
 */
record PenaltyCriterion(String item, double each, double mean, double pooledP, double networkP, double scoreMin,
                        double scoreMax) {

    private static final double NONE = Double.NaN;

    /** The criterion the spec gives for this architecture in this run, or none (e.g. the control network on oscillatory motifs). */
    static Optional<PenaltyCriterion> of(Architecture a, MotifSettings s) {
        boolean step = s.family().equals("step");
        boolean paperSize = s.units().get(a.id()) == a.paperUnits && s.initialStd() == 1.0;
        if (a == Architecture.ADDITIVE && !step) {
            return Optional.of(new PenaltyCriterion("#3", NONE, 1.5, 0.05, NONE, NONE, 0.16));
        }
        if (!step) {
            return Optional.empty();
        }
        return switch (a) {
            case ADDITIVE -> Optional.of(paperSize ? new PenaltyCriterion("#2", 1.15, 1.25, 0.01, NONE, NONE, NONE)
                    : new PenaltyCriterion("#6", NONE, 1.2, NONE, NONE, NONE, NONE));
            case CONTROL -> Optional.of(new PenaltyCriterion("#4", NONE, 1.5, NONE, NONE, 0.258 * 0.6, 0.258 * 1.4));
            case MULTIPLICATIVE -> Optional.of(new PenaltyCriterion("#5", NONE, 1.2, NONE, 0.05, NONE, NONE));
            default -> Optional.empty();
        };
    }

    Claim judge(Architecture a, List<MotifNetwork.Result> rs) {
        double[] penalties = rs.stream().mapToDouble(r -> r.chaining().penalty()).toArray();
        double[] scores = MotifSummary.scores(rs);
        double[] perNetworkP = rs.stream().mapToDouble(r -> r.chaining().test().pTwoSided()).toArray();
        double meanPenalty = Arrays.stream(penalties).average().orElseThrow();
        double meanScore = Arrays.stream(scores).average().orElseThrow();
        Wilcoxon.Result pooled = MotifSummary.pooled(rs);
        long significant = Arrays.stream(perNetworkP).filter(p -> p < networkP).count();

        List<String> parts = new ArrayList<>();
        boolean holds = true;
        if (!Double.isNaN(scoreMin) || !Double.isNaN(scoreMax)) {
            parts.add(Double.isNaN(scoreMin) ? String.format("random network score <= %.2f", scoreMax)
                    : String.format("random network score within [%.3f, %.3f]", scoreMin, scoreMax));
            holds &= (Double.isNaN(scoreMin) || meanScore >= scoreMin) && (Double.isNaN(scoreMax) || meanScore <= scoreMax);
        }
        if (!Double.isNaN(each)) {
            parts.add("penalty >= " + each + " on every network");
            holds &= Arrays.stream(penalties).allMatch(p -> p >= each);
        }
        parts.add("penalty >= " + mean + " on average");
        holds &= meanPenalty >= mean;
        if (!Double.isNaN(pooledP)) {
            parts.add("two-sided Wilcoxon on the pooled per-motif pairs p < " + pooledP);
            holds &= pooled.pTwoSided() < pooledP;
        }
        if (!Double.isNaN(networkP)) {
            parts.add("each network's two-sided Wilcoxon over motifs p < " + networkP + " on at least two thirds of the networks");
            holds &= 3 * significant >= 2L * rs.size();
        }
        String criterion = "chained / random network score: " + String.join("; ", parts) + " (seed 001 WI-1 " + item + ")";
        String evidence = String.format("penalties %s (mean %.2f); random scores %s (mean %.3f); pooled p = %.3g over %d pairs; "
                + "per network p %s", format(penalties), meanPenalty, format(scores), meanScore, pooled.pTwoSided(), pooled.pairs(),
                format(perNetworkP));
        return new Claim("Without the preparatory module, chaining costs accuracy (" + a.label + ")", criterion, holds, evidence);
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%.3g", v)).toList().toString();
    }
}
