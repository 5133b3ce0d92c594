package org.molap.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void completeSeparationOfThreeAgainstThree() {
    MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(0, r.u(), 0);
    assertEquals(1.0 / 20, r.pLess(), 1e-15);       // one of the C(6, 3) = 20 splits is this extreme
    assertEquals(1.0, r.pGreater(), 1e-15);
    assertEquals(0.1, r.pTwoSided(), 1e-15);
  }

  @Test
  void tenAgainstTenSeparatedAndInterleaved() {
    double[] low = new double[10];
    double[] high = new double[10];
    for (int i = 0; i < 10; i++) {
      low[i] = i;
      high[i] = 10 + i;
    }
    assertEquals(1 / 184_756.0, MannWhitney.test(low, high).pLess(), 1e-18);     // 1 / C(20, 10)
    // U = 1: one swap; two splits have a rank sum at most as small.
    low[9] = 10.5;
    high[0] = 9;
    MannWhitney.Result r = MannWhitney.test(low, high);
    assertEquals(1, r.u(), 0);
    assertEquals(2 / 184_756.0, r.pLess(), 1e-18);
  }

  /** Ties take mid-ranks: x = {1, 2, 2}, y = {2, 3}. */
  @Test
  void tiesUseMidRanks() {
    assertEquals(java.util.List.of(2, 6, 6, 6, 10), java.util.Arrays.stream(MannWhitney.twiceMidRanks(new double[] {1, 2, 2, 2, 3}))
        .boxed().toList());
    MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 2}, new double[] {2, 3});
    assertEquals(1.0, r.u(), 0);           // pairs x > y: none; ties with y's 2: two halves
    // Splits of the doubled ranks {2, 6, 6, 6, 10} into 3 + 2: 10 in all; x's sum is 2 + 6 + 6 = 14:
    // {2,6,6} x3 = 14; {2,6,10} x3 = 18; {6,6,6} = 18; {6,6,10} x3 = 22: P(<= 14) = 3/10.
    assertEquals(0.3, r.pLess(), 1e-15);
  }

  @Test
  void symmetryAndMistakes() {
    double[] a = {0.3, 1.2, 2.5, 0.1};
    double[] b = {1.0, 2.0, 3.0};
    assertEquals(MannWhitney.test(a, b).pLess(), MannWhitney.test(b, a).pGreater(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[0], b));
    assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[] {Double.NaN}, b));
  }
}
