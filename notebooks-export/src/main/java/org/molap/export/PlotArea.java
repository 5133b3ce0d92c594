package org.molap.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * The data rectangle of one plot on a {@link Canvas}: its y axis (numeric), its x axis (numeric or
 * categorical), grid, ticks, axis labels and the clipped drawing of lines and bars in data coordinates.
 * Every chart class draws through this, so axes look the same in every figure.
 */
final class PlotArea {
    /** Space left of the area for y tick labels and the y label. */
    static final int LEFT = 86;
    /** Space right of the area. */
    static final int RIGHT = 36;
    /** Space below the area for x tick labels and the x label. */
    static final int BOTTOM = 58;

    private static final int TICK_LENGTH = 5;
    private static final double CATEGORY_ANGLE = -35;

    final Canvas canvas;
    final Rectangle area;
    final Axis y;
    private Axis x;

    PlotArea(Canvas canvas, Rectangle area, Axis y) {
        this(canvas, area, y, 0);
    }

    /** A plot whose y maximum sits {@code headroom} pixels below the top of the frame (room for labels). */
    PlotArea(Canvas canvas, Rectangle area, Axis y, int headroom) {
        this.canvas = canvas;
        this.area = area;
        this.y = y.place(area.y + area.height, area.y + headroom);
    }

    /** Sets a numeric x axis. */
    PlotArea withX(Axis xAxis) {
        this.x = xAxis.place(area.x, area.x + area.width);
        return this;
    }

    Axis x() {
        return x;
    }

    /** Horizontal grid lines at the y ticks (drawn first, under the data). */
    void grid() {
        var g = canvas.g;
        g.setColor(Palette.GRID);
        g.setStroke(Canvas.THIN);
        for (double t : y.ticks()) {
            double py = y.toPixel(t);
            g.draw(new Line2D.Double(area.x, py, area.x + area.width, py));
        }
    }

    /** The frame, y ticks with labels, and the rotated y label. */
    void yAxis(String label) {
        var g = canvas.g;
        g.setColor(Palette.AXIS);
        g.setStroke(Canvas.THIN);
        g.drawRect(area.x, area.y, area.width, area.height);
        int widest = 0;
        for (double t : y.ticks()) {
            double py = y.toPixel(t);
            g.setColor(Palette.AXIS);
            g.draw(new Line2D.Double(area.x - TICK_LENGTH, py, area.x, py));
            String s = y.label(t);
            widest = Math.max(widest, canvas.textWidth(s, Canvas.TICK));
            canvas.text(s, area.x - TICK_LENGTH - 3, py, Canvas.H.RIGHT, Canvas.V.MIDDLE, Canvas.TICK, Palette.TEXT);
        }
        if (label != null && !label.isEmpty()) {
            double lx = area.x - TICK_LENGTH - 3 - widest - 8 - canvas.lineHeight(Canvas.LABEL) / 2.0;
            canvas.rotatedText(label, lx, area.y + area.height / 2.0, -90, Canvas.H.CENTER, Canvas.LABEL, Palette.TEXT);
        }
    }

    /** Ticks of the numeric x axis, their labels if {@code tickLabels}, and the x label if not null. */
    void xAxis(String label, boolean tickLabels) {
        var g = canvas.g;
        int bottom = area.y + area.height;
        for (double t : x.ticks()) {
            double px = x.toPixel(t);
            g.setColor(Palette.AXIS);
            g.setStroke(Canvas.THIN);
            g.draw(new Line2D.Double(px, bottom, px, bottom + TICK_LENGTH));
            if (tickLabels) {
                canvas.text(x.label(t), px, bottom + TICK_LENGTH + 2, Canvas.H.CENTER, Canvas.V.TOP, Canvas.TICK,
                        Palette.TEXT);
            }
        }
        if (label != null && !label.isEmpty()) {
            int below = bottom + TICK_LENGTH + 2 + (tickLabels ? canvas.lineHeight(Canvas.TICK) : 0) + 4;
            canvas.text(label, area.x + area.width / 2.0, below, Canvas.H.CENTER, Canvas.V.TOP, Canvas.LABEL,
                    Palette.TEXT);
        }
    }

    /** The x centre of category {@code i} of {@code n} equal slots. */
    double categoryCentre(int i, int n) {
        return area.x + area.width * (i + 0.5) / n;
    }

    /** The width of one of {@code n} category slots. */
    double categoryWidth(int n) {
        return (double) area.width / n;
    }

    /**
     * Space needed below a plot for category labels (rotated when they do not fit their slot) and, if
     * {@code withLabel}, the x label, for a plot of the given width.
     */
    static int categoryMargin(Canvas canvas, List<String> categories, int plotWidth, boolean withLabel) {
        int widest = widest(canvas, categories, Canvas.TICK);
        double labels = rotate(widest, plotWidth, categories.size())
                ? TICK_LENGTH + 6 + widest * Math.sin(Math.toRadians(-CATEGORY_ANGLE)) + canvas.lineHeight(Canvas.TICK)
                : TICK_LENGTH + 2 + canvas.lineHeight(Canvas.TICK);
        return (int) Math.ceil(labels + (withLabel ? canvas.lineHeight(Canvas.LABEL) + 4 : 0) + 10);
    }

    /** Category labels under their slots (rotated if they would overlap), then the x label if not null. */
    void categoryAxis(List<String> categories, String label) {
        int n = categories.size();
        int bottom = area.y + area.height;
        boolean rotate = rotate(widest(canvas, categories, Canvas.TICK), area.width, n);
        int lowest = bottom + TICK_LENGTH + 2 + canvas.lineHeight(Canvas.TICK);
        for (int i = 0; i < n; i++) {
            double cx = categoryCentre(i, n);
            canvas.g.setColor(Palette.AXIS);
            canvas.g.setStroke(Canvas.THIN);
            canvas.g.draw(new Line2D.Double(cx, bottom, cx, bottom + TICK_LENGTH));
            String s = categories.get(i);
            if (rotate) {
                canvas.rotatedText(s, cx + 4, bottom + TICK_LENGTH + 6, CATEGORY_ANGLE, Canvas.H.RIGHT, Canvas.TICK,
                        Palette.TEXT);
                double drop = canvas.textWidth(s, Canvas.TICK) * Math.sin(Math.toRadians(-CATEGORY_ANGLE));
                lowest = Math.max(lowest, (int) (bottom + TICK_LENGTH + 6 + drop + canvas.lineHeight(Canvas.TICK) / 2));
            } else {
                canvas.text(s, cx, bottom + TICK_LENGTH + 2, Canvas.H.CENTER, Canvas.V.TOP, Canvas.TICK, Palette.TEXT);
            }
        }
        if (label != null && !label.isEmpty()) {
            canvas.text(label, area.x + area.width / 2.0, lowest + 4, Canvas.H.CENTER, Canvas.V.TOP, Canvas.LABEL,
                    Palette.TEXT);
        }
    }

    /** A filled bar from the bottom of the y range up to {@code value}, clipped to the area. */
    void bar(double left, double width, double value, Color color) {
        if (!y.accepts(value)) {
            return;
        }
        double base = y.toPixelClamped(Math.max(y.min(), Math.min(y.max(), y.isLog() ? y.min() : 0)));
        double top = y.toPixelClamped(value);
        canvas.g.setColor(color);
        canvas.g.fill(new java.awt.geom.Rectangle2D.Double(left, Math.min(top, base), width, Math.abs(base - top)));
    }

    /** A vertical error bar from {@code low} to {@code high} at x pixel {@code cx}, with caps {@code cap} pixels wide. */
    void whisker(double cx, double low, double high, double cap, Color color) {
        if (!y.accepts(low) || !y.accepts(high)) {
            return;
        }
        double top = y.toPixelClamped(high);
        double bottom = y.toPixelClamped(low);
        var g = canvas.g;
        g.setColor(color);
        g.setStroke(new java.awt.BasicStroke(1.2f));
        g.draw(new java.awt.geom.Line2D.Double(cx, top, cx, bottom));
        g.draw(new java.awt.geom.Line2D.Double(cx - cap / 2, top, cx + cap / 2, top));
        g.draw(new java.awt.geom.Line2D.Double(cx - cap / 2, bottom, cx + cap / 2, bottom));
    }

    /** A polyline through the points the axes accept; a rejected point (NaN, or <= 0 on log) breaks the line. */
    void line(double[] xs, double[] ys, Color color, Stroke stroke) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        int n = Math.min(xs.length, ys.length);
        for (int i = 0; i < n; i++) {
            if (!x.accepts(xs[i]) || !y.accepts(ys[i])) {
                pen = false;
                continue;
            }
            double px = x.toPixel(xs[i]);
            double py = y.toPixel(ys[i]);
            if (pen) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                path.lineTo(px, py);
                pen = true;
            }
        }
        var g = canvas.g;
        var clip = g.getClip();
        g.clip(area);
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(path);
        g.setClip(clip);
    }

    /** A horizontal line across the area at {@code value}, with an optional label just right of the frame. */
    void horizontalLine(double value, Color color, Stroke stroke, String label) {
        if (!y.accepts(value) || value < y.min() || value > y.max()) {
            return;
        }
        double py = y.toPixel(value);
        canvas.g.setColor(color);
        canvas.g.setStroke(stroke);
        canvas.g.draw(new Line2D.Double(area.x, py, area.x + area.width, py));
        if (label != null) {
            canvas.text(label, area.x + area.width + 3, py, Canvas.H.LEFT, Canvas.V.MIDDLE, Canvas.SMALL, color);
        }
    }

    /** A text centred above (x, value), e.g. a bar's value label; kept inside the area. */
    void valueLabel(double cx, double value, String text, Font font) {
        double py = y.toPixelClamped(y.accepts(value) ? value : y.min());
        double top = Math.max(area.y + canvas.lineHeight(font), py - 3);
        canvas.text(text, cx, top, Canvas.H.CENTER, Canvas.V.BOTTOM, font, Palette.TEXT);
    }

    private static boolean rotate(int widest, int plotWidth, int n) {
        return n > 0 && widest + 6 > (double) plotWidth / n;
    }

    private static int widest(Canvas canvas, List<String> labels, Font font) {
        return labels.stream().mapToInt(s -> canvas.textWidth(s, font)).max().orElse(0);
    }
}
