package org.molap.export;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A matrix as a heat map PNG (XChart), blue-white-red symmetric about 0 as the notebook draws it (RdBu_r, limits
 * +-max|value|); rows top to bottom.
 */
public final class HeatMap {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 520;
    private static final Color[] DIVERGING = {new Color(0x2166ac), new Color(0x92c5de), Color.WHITE, new Color(0xf4a582), new Color(0xb2182b)};

    private HeatMap() {
    }

    public static void write(Path png, String title, double[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        double limit = 0;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = Double.isFinite(m[r][c]) ? m[r][c] : 0;
                limit = Math.max(limit, Math.abs(v));
                cells.add(new Number[] {c, rows - 1 - r, v});
            }
        }
        limit = limit > 0 ? roundUp(limit) : 1;     // the legend prints its ends in full: two significant figures
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("column").yAxisTitle("row").build();
        HeatMapStyler s = chart.getStyler();
        XCharts.style(s, 1);
        s.setRangeColors(DIVERGING);
        s.setMin(-limit);
        s.setMax(limit);
        s.setShowValue(false);
        s.setDrawBorder(false);
        s.setAxisTickLabelsFont(XCharts.SMALL);
        s.setAxisTitleFont(XCharts.TEXT);
        s.setXAxisTicksVisible(cols <= 40);
        s.setYAxisTicksVisible(rows <= 40);
        chart.addSeries(title, IntStream.range(0, cols).boxed().toList(),
                IntStream.range(0, rows).map(j -> rows - 1 - j).boxed().toList(), cells);   // index j at the bottom: row 0 on top
        XCharts.save(XCharts.image(chart), png);
    }

    /** x rounded up to two significant figures, e.g. 0.5485 -> 0.55. */
    static double roundUp(double x) {
        double scale = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return Math.ceil(x / scale - 1e-9) * scale;
    }
}
