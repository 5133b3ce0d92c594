package org.molap.core.tasks.nm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;

class ElementFinderTest {

  private final ElementFinder task = new ElementFinder(ElementFinder.Config.paper());

  @Test
  void targetIsTheQueriedElementOnTenThousandSequences() {
    Trials t = task.sample(10_000, new Random(1), DataType.DOUBLE);
    double[][] in = t.inputs().reshape(10_000, 26).toDoubleMatrix();
    double[][] out = t.targets().reshape(10_000, 26).toDoubleMatrix();
    double[][] mask = t.mask().toDoubleMatrix();
    int[] queries = new int[25];
    for (int i = 0; i < 10_000; i++) {
      int q = (int) in[i][0];
      queries[q]++;
      assertEquals(in[i][1 + q], out[i][25], 0.0);
      for (int s = 1; s < 26; s++) {
        assertEquals(0, Math.abs(in[i][s]) > 10 || in[i][s] != Math.rint(in[i][s]) ? 1 : 0, "element " + in[i][s]);
        assertEquals(s == 25 ? 1 : 0, mask[i][s], 0.0);
      }
    }
    for (int q = 0; q < 25; q++) {
      assertEquals(400, queries[q], 80, "query " + q);
    }
  }

  @Test
  void chanceLevelIsTheElementsVariance() {
    assertEquals(440.0 / 12, task.config().chanceMse(), 1e-12);
    Trials t = task.sample(20_000, new Random(2), DataType.DOUBLE);
    double meanSquare = t.targets().reshape(20_000, 26).getColumn(25).norm2Number().doubleValue();
    assertEquals(36.67, meanSquare * meanSquare / 20_000, 1.0);
  }

  @Test
  void fixedQuerySetsHoldTheirQueryAndValue() {
    Trials t = task.fixedQuery(100, 10, 5, new Random(3), DataType.FLOAT);
    for (int i = 0; i < 100; i++) {
      assertEquals(10, t.inputs().getDouble(i, 0, 0), 0.0);
      assertEquals(5, t.inputs().getDouble(i, 0, 11), 0.0);
      assertEquals(5, t.targets().getDouble(i, 0, 25), 0.0);
    }
    assertThrows(IllegalArgumentException.class, () -> task.fixedQuery(1, 25, 0, new Random(), DataType.FLOAT));
    assertThrows(IllegalArgumentException.class, () -> task.trials(new int[][] {{30, 1}}, DataType.FLOAT));
  }
}
