package org.molap.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuartilesTest {

  @Test
  void numpysLinearInterpolation() {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25]
    Quartiles q = Quartiles.of(4, 1, 3, 2);
    assertEquals(1.75, q.q1(), 1e-15);
    assertEquals(2.5, q.median(), 1e-15);
    assertEquals(3.25, q.q3(), 1e-15);
    // numpy.percentile([7, 1, 5], [25, 50, 75]) = [3, 5, 6]
    Quartiles odd = Quartiles.of(7, 1, 5);
    assertEquals(3, odd.q1(), 1e-15);
    assertEquals(5, odd.median(), 1e-15);
    assertEquals(6, odd.q3(), 1e-15);
    assertEquals(2.0, Quartiles.of(2).median(), 0);
    assertThrows(IllegalArgumentException.class, Quartiles::of);
  }

  @Test
  void infiniteValuesRankLastAndStayInfinite() {
    // a network with no finite error ranks after all others; a quantile at an order statistic is that statistic (numpy
    // returns NaN there, from 3 + (inf - 3) * 0)
    Quartiles q = Quartiles.of(1, 2, 3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    assertEquals(2, q.q1(), 0);
    assertEquals(3, q.median(), 0);
    assertEquals(Double.POSITIVE_INFINITY, q.q3(), 0);
    assertEquals(Double.POSITIVE_INFINITY, Quartiles.of(1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY).median(), 0);
  }
}
