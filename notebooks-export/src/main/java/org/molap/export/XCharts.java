package org.molap.export;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.molap.core.run.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** What the charts share on XChart: the project's palette and fonts on white, and writing a PNG whole. */
final class XCharts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private XCharts() {
    }

    /** White background, light grid, the palette's first {@code series} colours, readable fonts. */
    static void style(Styler s, int series) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Palette.AXIS);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(TEXT);
        s.setLegendBorderColor(Palette.GRID);
        s.setAnnotationTextFont(SMALL);
        s.setSeriesColors(IntStream.range(0, Math.max(1, series)).mapToObj(Palette::series).toArray(Color[]::new));
        s.setAntiAlias(true);
    }

    /** Axis titles in the text font, tick labels in {@code ticks}, a light grid: the charts with axes and a grid. */
    static void axes(AxesChartStyler s, Font ticks) {
        s.setAxisTickLabelsFont(ticks);
        s.setAxisTitleFont(TEXT);
        s.setPlotGridLinesColor(Palette.GRID);
    }

    static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Writes the image as a PNG, whole and readable by all ({@link AtomicFiles}). */
    static void save(BufferedImage image, Path png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + png, e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }
}
