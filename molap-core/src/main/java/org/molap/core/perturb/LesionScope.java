package org.molap.core.perturb;

/** Which recurrent weights W_rec[i][j] (from unit j to unit i) a lesion picks from (seed 000 A.4, Figs. 3-4). */
public sealed interface LesionScope {
    boolean contains(int i, int j, UnitPartition p);

    /** Short name for results and figures: "M1", "M2", "inter-module", "global". */
    String label();

    /** The weights inside module {@code k} (0-based): both units in it. */
    record Module(int k) implements LesionScope {
        @Override
        public boolean contains(int i, int j, UnitPartition p) {
            return p.moduleOf(i) == k && p.moduleOf(j) == k;
        }

        @Override
        public String label() {
            return "M" + (k + 1);
        }
    }

    /** The weights between two different modules. */
    record InterModule() implements LesionScope {
        @Override
        public boolean contains(int i, int j, UnitPartition p) {
            return p.moduleOf(i) != p.moduleOf(j);
        }

        @Override
        public String label() {
            return "inter-module";
        }
    }

    /** Every weight. */
    record Whole() implements LesionScope {
        @Override
        public boolean contains(int i, int j, UnitPartition p) {
            return true;
        }

        @Override
        public String label() {
            return "global";
        }
    }
}
