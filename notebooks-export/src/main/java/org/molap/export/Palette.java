package org.molap.export;

import java.awt.Color;

/** The colours of every chart: matplotlib's "tab10" cycle, so the notebook's redraws match the PNGs. */
final class Palette {
    private static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** How many series get a colour of their own. */
    static final int COLOURS = SERIES.length;

    static final Color TEXT = new Color(0x222222);
    static final Color AXIS = new Color(0x444444);
    static final Color GRID = new Color(0xe6e6e6);
    static final Color REFERENCE = new Color(0xd62728);
    static final Color TARGET = Color.BLACK;

    private Palette() {
    }

    /** The colour of series {@code i}, cycling after ten. */
    static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
