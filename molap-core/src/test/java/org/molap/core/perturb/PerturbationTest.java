package org.molap.core.perturb;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers for the perturbations of seed 000 A.4 on a 10-unit network in two modules of 5. */
class PerturbationTest {
    private static final UnitPartition TWO = new UnitPartition(10, 2);

    /** Weights 1..100 so that every entry is non-zero and distinct. */
    private static double[] weights() {
        double[] w = new double[100];
        Arrays.setAll(w, k -> k + 1);
        return w;
    }

    @Test
    void aLesionZeroesExactlyItsShareOfTheScopeAndNothingElse() {
        List<LesionScope> scopes = List.of(new LesionScope.Module(0), new LesionScope.Module(1), new LesionScope.InterModule(),
                new LesionScope.Whole());
        int[] sizes = {25, 25, 50, 100};
        for (int s = 0; s < scopes.size(); s++) {
            LesionScope scope = scopes.get(s);
            for (double percent : new double[] {0, 10, 30, 100}) {
                double[] lesioned = new Perturbation.WeightLesion(scope, percent).apply(weights(), TWO, new Random(4)).wRec();
                int zeroInScope = 0;
                for (int i = 0; i < 10; i++) {
                    for (int j = 0; j < 10; j++) {
                        boolean zero = lesioned[i * 10 + j] == 0;
                        if (scope.contains(i, j, TWO)) {
                            zeroInScope += zero ? 1 : 0;
                        } else {
                            assertFalse(zero, scope.label() + ": entry outside the scope lesioned at [" + i + "][" + j + "]");
                        }
                        assertTrue(zero || lesioned[i * 10 + j] == i * 10 + j + 1, "untouched entries keep their value");
                    }
                }
                assertEquals(Math.round(percent / 100 * sizes[s]), zeroInScope, scope.label() + " at " + percent + "%");
            }
        }
    }

    @Test
    void scopesFollowTheModules() {
        assertTrue(new LesionScope.Module(0).contains(4, 0, TWO));
        assertFalse(new LesionScope.Module(0).contains(5, 0, TWO));
        assertTrue(new LesionScope.Module(1).contains(9, 5, TWO));
        assertTrue(new LesionScope.InterModule().contains(5, 4, TWO));
        assertFalse(new LesionScope.InterModule().contains(3, 4, TWO));
        assertEquals(List.of("M1", "M2", "inter-module", "global"), List.of(new LesionScope.Module(0).label(),
                new LesionScope.Module(1).label(), new LesionScope.InterModule().label(), new LesionScope.Whole().label()));
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnotherSeedAnother() {
        Perturbation p = new Perturbation.WeightLesion(new LesionScope.Whole(), 20);
        assertArrayEquals(p.apply(weights(), TWO, new Random(7)).wRec(), p.apply(weights(), TWO, new Random(7)).wRec(), 0);
        assertNotEquals(Arrays.toString(p.apply(weights(), TWO, new Random(7)).wRec()),
                Arrays.toString(p.apply(weights(), TWO, new Random(8)).wRec()));
    }

    @Test
    void silencingPicksItsShareOfUnitsAndLeavesTheWeights() {
        Perturbation.Draw d = new Perturbation.ActivitySilencing(30).apply(weights(), TWO, new Random(1));
        int silenced = 0;
        for (boolean s : d.silenced()) {
            silenced += s ? 1 : 0;
        }
        assertEquals(3, silenced);
        assertArrayEquals(weights(), d.wRec(), 0);
    }

    @Test
    void noiseHasTheAskedSpreadOnEveryEntry() {
        UnitPartition big = new UnitPartition(200, 2);
        double[] zero = new double[200 * 200];
        double[] noisy = new Perturbation.WeightNoise(0.03).apply(zero, big, new Random(2)).wRec();
        double mean = Arrays.stream(noisy).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(noisy).map(v -> (v - mean) * (v - mean)).sum() / (noisy.length - 1));
        // 40,000 draws: the standard error of the sd is about 0.03 / sqrt(80,000) = 1.1e-4
        assertEquals(0.03, sd, 5e-4);
        assertEquals(0, mean, 5e-4);
        assertTrue(Arrays.stream(noisy).noneMatch(v -> v == 0), "every entry moved");
        assertArrayEquals(zero, new Perturbation.WeightNoise(0).apply(zero, big, new Random(2)).wRec(), 0);
    }

    @Test
    void impossibleLevelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Perturbation.WeightLesion(new LesionScope.Whole(), 101));
        assertThrows(IllegalArgumentException.class, () -> new Perturbation.ActivitySilencing(-1));
        assertThrows(IllegalArgumentException.class, () -> new Perturbation.WeightNoise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new UnitPartition(10, 3));
        assertThrows(IllegalArgumentException.class, () -> new Perturbation.WeightNoise(0.1).apply(new double[99], TWO, new Random(1)));
    }
}
