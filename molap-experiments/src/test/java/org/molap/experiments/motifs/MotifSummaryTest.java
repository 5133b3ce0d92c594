package org.molap.experiments.motifs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.molap.experiments.summary.Claim;

/**
 * Known answers for the verdicts on seed 001's chaining claims: networks whose per-motif errors are set by hand, so
 * that each criterion of spec WI-1 #2-#6 and WI-2 #3 is met, or missed by one part.
 */
class MotifSummaryTest {
    private static final int MOTIFS = 10;

    /** A network whose motif mu has random-start RMSE {@code score} and chained RMSE score * factor[mu]. */
    private static MotifNetwork.Result network(Architecture a, long seed, double score, double... factors) {
        double[][] random = new double[MOTIFS][9];
        double[][] predecessors = new double[MOTIFS][MOTIFS];
        for (int mu = 0; mu < MOTIFS; mu++) {
            java.util.Arrays.fill(random[mu], score);
            for (int nu = 0; nu < MOTIFS; nu++) {
                predecessors[nu][mu] = nu == mu ? Double.NaN : score * factors[mu % factors.length];
            }
        }
        return new MotifNetwork.Result(a.id(), seed, a.paperUnits, 0, true, List.of(),
                new ChainingHarness(random, predecessors, new double[MOTIFS]), a.prep ? quenching() : null, 0, new double[0][], null);
    }

    /** A module whose |r| halves every 0.5 tau and whose spectra pass WI-2 #1. */
    private static PreparatoryModule.Analysis quenching() {
        double[] norm = new double[100];
        for (int t = 0; t < norm.length; t++) {
            norm[t] = Math.pow(0.5, t / 5.0);
        }
        return new PreparatoryModule.Analysis(null, norm, 0.5, 1.3, 1.4);
    }

    private static MotifSettings settings(String family, Architecture a, int units, double initialStd) {
        MotifSettings p = MotifSettings.paper();
        Map<String, Integer> sizes = new LinkedHashMap<>(p.units());
        sizes.put(a.id(), units);
        return new MotifSettings(p.profile(), List.of(a.id()), family, MOTIFS, 1, 3, sizes, p.trialsPerMotif(), p.iterations(),
                p.learningRate(), p.prepRank(), p.prepTrials(), p.prepSteps(), p.prepIterations(), p.prepRate(), p.testTrials(),
                p.preparation(), initialStd);
    }

    private static List<Claim> claims(MotifSettings s, Architecture a, MotifNetwork.Result... networks) {
        Map<Architecture, List<MotifNetwork.Result>> results = new LinkedHashMap<>();
        results.put(a, List.of(networks));
        return MotifSummary.of(results, s).claims().stream().filter(c -> c.claim().startsWith("Without the preparatory")).toList();
    }

    private static Claim only(List<Claim> claims) {
        assertEquals(1, claims.size(), claims.toString());
        return claims.get(0);
    }

    @Test
    void theAdditivePenaltyNeedsEveryNetworkAbove115AndAMeanAbove125() {
        MotifSettings s = settings("step", Architecture.ADDITIVE, 300, 1.0);
        Claim holds = only(claims(s, Architecture.ADDITIVE, network(Architecture.ADDITIVE, 1, 0.2, 1.3),
                network(Architecture.ADDITIVE, 2, 0.2, 1.3), network(Architecture.ADDITIVE, 3, 0.2, 1.3)));
        assertTrue(holds.holds() && holds.criterion().contains("WI-1 #2"), holds.toString());
        // mean 1.33 but one network at 1.1: fails on "every network"
        assertFalse(only(claims(s, Architecture.ADDITIVE, network(Architecture.ADDITIVE, 1, 0.2, 1.1),
                network(Architecture.ADDITIVE, 2, 0.2, 1.45), network(Architecture.ADDITIVE, 3, 0.2, 1.45))).holds());
    }

    @Test
    void theVariantsOfTheAdditiveNetworkNeedAPenaltyOf12() {
        Claim n1000 = only(claims(settings("step", Architecture.ADDITIVE, 1000, 1.0), Architecture.ADDITIVE,
                network(Architecture.ADDITIVE, 1, 0.2, 1.1), network(Architecture.ADDITIVE, 2, 0.2, 1.3)));
        assertTrue(n1000.holds() && n1000.criterion().contains("WI-1 #6"), n1000.toString());
        Claim sigma = only(claims(settings("step", Architecture.ADDITIVE, 300, 1.2), Architecture.ADDITIVE,
                network(Architecture.ADDITIVE, 1, 0.2, 1.15)));
        assertTrue(!sigma.holds() && sigma.criterion().contains("WI-1 #6"), sigma.toString());
    }

    @Test
    void theControlNetworksScoreMustLieInThePapersBand() {
        MotifSettings s = settings("step", Architecture.CONTROL, 50, 1.0);
        assertTrue(only(claims(s, Architecture.CONTROL, network(Architecture.CONTROL, 1, 0.26, 1.6))).holds());
        Claim tooGood = only(claims(s, Architecture.CONTROL, network(Architecture.CONTROL, 1, 0.1, 1.6)));
        assertTrue(!tooGood.holds() && tooGood.criterion().contains("WI-1 #4"), tooGood.toString());
        assertFalse(only(claims(s, Architecture.CONTROL, network(Architecture.CONTROL, 1, 0.26, 1.4))).holds());
    }

    @Test
    void theMultiplicativeNetworkNeedsSignificanceOnTwoThirdsOfItsNetworks() {
        MotifSettings s = settings("step", Architecture.MULTIPLICATIVE, 100, 1.0);
        MotifNetwork.Result significant = network(Architecture.MULTIPLICATIVE, 1, 0.2, 1.3);
        // half the motifs better, half worse: penalty 1.2 but no signed-rank significance
        MotifNetwork.Result mixed = network(Architecture.MULTIPLICATIVE, 2, 0.2, 1.6, 0.8);
        assertTrue(only(claims(s, Architecture.MULTIPLICATIVE, significant, significant, mixed)).holds());
        Claim one = only(claims(s, Architecture.MULTIPLICATIVE, significant, mixed, mixed));
        assertTrue(!one.holds() && one.criterion().contains("WI-1 #5"), one.toString());
    }

    @Test
    void onOscillatoryMotifsTheAdditiveNetworkHasItsOwnCriterionAndTheControlNone() {
        Claim osc = only(claims(settings("oscillatory", Architecture.ADDITIVE, 300, 1.0), Architecture.ADDITIVE,
                network(Architecture.ADDITIVE, 1, 0.1, 2.0)));
        assertTrue(osc.holds() && osc.criterion().contains("WI-1 #3"), osc.toString());
        assertFalse(only(claims(settings("oscillatory", Architecture.ADDITIVE, 300, 1.0), Architecture.ADDITIVE,
                network(Architecture.ADDITIVE, 1, 0.2, 2.0))).holds(), "random score above 0.16");
        assertEquals(0, claims(settings("oscillatory", Architecture.CONTROL, 50, 1.0), Architecture.CONTROL,
                network(Architecture.CONTROL, 1, 0.1, 2.0)).size());
    }

    @Test
    void theMultiplicativeModulesGainIsJudgedAgainstItsOwnTwinAt085() {
        Map<Architecture, List<MotifNetwork.Result>> results = new LinkedHashMap<>();
        results.put(Architecture.MULTIPLICATIVE, List.of(network(Architecture.MULTIPLICATIVE, 1, 0.2, 1.3)));
        results.put(Architecture.MULTIPLICATIVE_PREP, List.of(network(Architecture.MULTIPLICATIVE_PREP, 1, 0.16, 1.0)));
        MotifSettings s = settings("step", Architecture.MULTIPLICATIVE, 100, 1.0);
        Claim gain = MotifSummary.of(results, s).claims().stream().filter(c -> c.claim().contains("more accurate")).findFirst()
                .orElseThrow();
        assertTrue(gain.holds() && gain.evidence().contains("0.80"), gain.toString());
    }
}
