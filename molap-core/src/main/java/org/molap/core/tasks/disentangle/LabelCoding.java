package org.molap.core.tasks.disentangle;

/** How a classification's targets are written: before the decision step, and for each answer at it. */
public enum LabelCoding {
  /** The paper's tanh / MSE version (seed 002, "a vector of +1s and -1s"): 0 before, -1 or +1 at the decision. */
  PLUS_MINUS_ONE(0, -1, 1),
  /** The authors' later sigmoid / BCE version: 0.5 before, 0 or 1 at the decision. */
  ZERO_ONE(0.5, 0, 1);

  private final double before;
  private final double no;
  private final double yes;

  LabelCoding(double before, double no, double yes) {
    this.before = before;
    this.no = no;
    this.yes = yes;
  }

  /** The target before the decision step. */
  public double before() {
    return before;
  }

  /** The target at the decision step for this label. */
  public double at(boolean label) {
    return label ? yes : no;
  }
}
