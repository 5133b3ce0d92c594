package org.molap.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers of the exact signed-rank test (scipy.stats.wilcoxon's exact mode where there are no ties). */
class WilcoxonTest {

    @Test
    void tenPairsAllOneWayGiveTheSmallestTwoSidedP() {
        double[] chained = {0.36, 0.24, 0.45, 0.30, 0.37, 0.33, 0.31, 0.35, 0.41, 0.32};
        double[] random = {0.31, 0.20, 0.40, 0.22, 0.35, 0.28, 0.30, 0.27, 0.33, 0.29};
        Wilcoxon.Result r = Wilcoxon.test(chained, random);
        assertEquals(55, r.wPlus(), 0.0);
        assertEquals(0, r.wMinus(), 0.0);
        assertEquals(2.0 / 1024, r.pTwoSided(), 1e-15, "scipy: 0.001953125");
        assertEquals(1.0 / 1024, r.pGreater(), 1e-15);
        assertEquals(1.0, r.pLess(), 1e-15);
    }

    @Test
    void fivePairsWithOneNegativeDifference() {
        Wilcoxon.Result r = Wilcoxon.test(new double[] {1, 2, 3, -4, 5}, new double[5]);
        assertEquals(11, r.wPlus(), 0.0);
        assertEquals(4, r.wMinus(), 0.0);
        assertEquals(0.4375, r.pTwoSided(), 1e-15, "scipy: 0.4375 (7 of 32 assignments have W- <= 4)");
    }

    @Test
    void zeroDifferencesAreDroppedAndTiesGetMidRanks() {
        // brute force over the 2^9 sign assignments of the mid-ranks of the nine non-zero differences
        double[] d = {0.5, -1.5, 2.5, 0, 3.5, 4.5, -0.25, 5.5, 6.5, 7.5};
        Wilcoxon.Result r = Wilcoxon.test(d, new double[d.length]);
        assertEquals(9, r.pairs());
        assertEquals(41, r.wPlus(), 0.0);
        assertEquals(0.013671875, r.pGreater(), 1e-15);
        assertEquals(0.990234375, r.pLess(), 1e-15);
        Wilcoxon.Result tied = Wilcoxon.test(new double[] {1, 1, 2, -2, 3, 3, -1, 4}, new double[8]);
        assertEquals(29.5, tied.wPlus(), 0.0);
        assertEquals(0.0703125, tied.pGreater(), 1e-15, "2^8 assignments of the mid-ranks [2, 2, 4.5, 4.5, 6.5, 6.5, 2, 8]");
    }

    @Test
    void noDifferenceAtAllIsNoEvidence() {
        Wilcoxon.Result r = Wilcoxon.test(new double[] {1, 2}, new double[] {1, 2});
        assertEquals(0, r.pairs());
        assertEquals(1, r.pTwoSided(), 0.0);
    }

    @Test
    void unpairedSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilcoxon.test(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Wilcoxon.test(new double[] {Double.NaN}, new double[] {1}));
    }
}
