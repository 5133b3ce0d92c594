package org.molap.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path tmp;

    private static int rgb(java.awt.Color c) {
        return c.getRGB() & 0xffffff;
    }

    @Test
    void groupedBarsPutEachSeriesSideBySideWithALegend() throws IOException {
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        series.put("MoLaP", new double[] {0.8, 0.4, 0.6});
        series.put("separate", new double[] {0.2, 1.5, Double.NaN});   // 1.5 above the range, NaN: no bar
        Path png = tmp.resolve("nested/bars.png");
        BarChart.write(png, "Two methods", "accuracy", List.of("A", "B", "C"), series, 0, 1, 0.7);
        BufferedImage img = Pixels.read(png);

        List<Integer> first = Pixels.bars(img, rgb(Palette.series(0)), 20);
        List<Integer> second = Pixels.bars(img, rgb(Palette.series(1)), 20);
        assertEquals(3, first.size(), "three MoLaP bars: " + first);
        assertEquals(2, second.size(), "the NaN value draws no bar: " + second);
        assertTrue(first.get(0) > first.get(2) && first.get(2) > first.get(1), first.toString());
        assertTrue(second.get(1) > first.get(0), "a value above yMax is clipped at the top, not dropped");
        assertTrue(Pixels.count(img, rgb(Palette.series(0))) > Pixels.count(img, rgb(Palette.series(1))));
        // the legend sits below the plot: both colours appear in the bottom tenth of the image
        BufferedImage legend = img.getSubimage(0, img.getHeight() * 9 / 10, img.getWidth(), img.getHeight() / 10);
        assertTrue(Pixels.count(legend, rgb(Palette.series(0))) > 20 && Pixels.count(legend, rgb(Palette.series(1))) > 20,
                "legend patches for both series");
    }

    @Test
    void barChartRejectsSeriesOfTheWrongLength() {
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        series.put("m", new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                BarChart.write(tmp.resolve("x.png"), "t", "y", List.of("a", "b"), series, 0, 1, null));
        assertTrue(e.getMessage().contains("m has 1"), e.getMessage());
    }

    @Test
    void logLineChartSkipsPointsItCannotDraw() throws IOException {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        series.put("ok", new double[][] {{0, 1, 2, 3, 4}, {1, 0.1, 0.01, 0.001, 1e-4}});
        series.put("odd", new double[][] {{0, 1, 2, 3}, {0, Double.NaN, -1, 0.5}});
        Path png = tmp.resolve("lines.png");
        LineChart.write(png, "Loss", "iteration", "loss", series, true);
        BufferedImage img = Pixels.read(png);
        assertEquals(LineChart.WIDTH, img.getWidth());
        assertTrue(Pixels.count(img, rgb(Palette.series(0))) > 500, "the decaying curve spans the plot");
        assertTrue(Pixels.distinctColours(img) > 10);
    }

    @Test
    void curvesInPairsShareTheirColour() throws IOException {
        LinkedHashMap<String, double[][]> pairs = new LinkedHashMap<>();
        double[] xs = new double[100];
        java.util.Arrays.setAll(xs, i -> i);
        for (int k = 0; k < 2; k++) {
            double shift = k;
            pairs.put("output " + k, new double[][] {xs, java.util.Arrays.stream(xs).map(x -> Math.sin(x / 10) + shift).toArray()});
            pairs.put("target " + k, new double[][] {xs, java.util.Arrays.stream(xs).map(x -> Math.cos(x / 10) + shift).toArray()});
        }
        Path png = tmp.resolve("pairs.png");
        LineChart.writePairs(png, "Pairs", "step", "y", pairs);
        BufferedImage img = Pixels.read(png);
        assertTrue(Pixels.count(img, rgb(Palette.series(0))) > 500 && Pixels.count(img, rgb(Palette.series(1))) > 500,
                "one colour per pair");
        assertEquals(0, Pixels.count(img, rgb(Palette.series(2))), "no third colour for two pairs");
        pairs.remove("target 1");
        assertThrows(IllegalArgumentException.class, () -> LineChart.writePairs(png, "Odd", "x", "y", pairs));
    }

    @Test
    void scatterDrawsPointsAndAReferenceCircleInTheComplexPlane() throws IOException {
        LinkedHashMap<String, double[][]> points = new LinkedHashMap<>();
        points.put("eigenvalues", new double[][] {{-3, -1, 0.5, 0.5}, {0, 0.2, 0.7, -0.7}});
        LinkedHashMap<String, double[][]> lines = new LinkedHashMap<>();
        lines.put("|z| = 1", ScatterChart.circle(1));
        Path png = tmp.resolve("scatter.png");
        ScatterChart.write(png, "Spectrum", "Re", "Im", points, lines, true);
        BufferedImage img = Pixels.read(png);
        assertEquals(720, img.getWidth());
        assertTrue(Pixels.countNear(img, rgb(Palette.series(0)), 30) > 4 * 20, "four dots of the first colour");
        assertTrue(Pixels.countNear(img, rgb(Palette.series(1)), 30) > 200, "the circle in the second colour");
        double[][] c = ScatterChart.circle(2);
        for (int i = 0; i < c[0].length; i++) {
            assertEquals(2, Math.hypot(c[0][i], c[1][i]), 1e-12);
        }
    }

    @Test
    void tracePanelDrawsOneSubplotPerChannel() throws IOException {
        double[][] out = {{0, 0.5, 1, 1}, {1, 1, 0, 0}};
        double[][] tgt = {{0, 1, 1, 1}, {1, 1, 0, 0}};
        Path png = tmp.resolve("trace.png");
        TracePanel.write(png, "Task", out, tgt, List.of("fixation"));
        BufferedImage img = Pixels.read(png);
        assertEquals(TracePanel.heightFor(2), img.getHeight());
        assertTrue(TracePanel.heightFor(3) > TracePanel.heightFor(2));
        assertTrue(Pixels.countNear(img, rgb(Palette.series(0)), 40) > 100, "output and dashed target curves");
        assertThrows(IllegalArgumentException.class,
                () -> TracePanel.write(png, "bad", out, new double[][] {{1}}, null));
    }

    @Test
    void heatMapsAreSymmetricAboutZeroWithRoundLimits() throws IOException {
        assertEquals(0.55, HeatMap.roundUp(0.5485), 1e-12);
        assertEquals(1.0, HeatMap.roundUp(0.99999992), 1e-12);
        assertEquals(120, HeatMap.roundUp(113), 1e-9);
        Path png = tmp.resolve("heat.png");
        HeatMap.write(png, "W", new double[][] {{1, -1}, {0.5, 0}});
        BufferedImage img = Pixels.read(png);
        assertEquals(HeatMap.WIDTH, img.getWidth());
        assertTrue(Pixels.countNear(img, 0xb2182b, 10) > 1000 && Pixels.countNear(img, 0x2166ac, 10) > 1000,
                "the +1 cell is drawn deep red, the -1 cell deep blue");
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("93.0%", Fmt.percent(0.93));
        assertEquals("n/a", Fmt.percent(Double.NaN));
        assertEquals("540,200", Fmt.number(540200));
        assertEquals("210.5", Fmt.number(210.5));
        assertEquals("0.3125", Fmt.number(0.3125));
        assertEquals("1.235e-05", Fmt.number(1.2345e-5));
        assertEquals("0.3", Fmt.trim(0.1 + 0.2, 6));
        assertEquals("36.67", Fmt.significant(440.0 / 12, 4));
        assertEquals("0.976", Fmt.significant(1 - 0.48 / 20, 4));
        assertEquals("0", Fmt.significant(0, 4));
    }
}
