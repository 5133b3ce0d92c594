package org.molap.export;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend: a line, dashed line or patch per entry, either boxed in the top-right corner of a plot area
 * or as one row centred above it (for charts whose data fill the top corners, like bars).
 */
final class Legend {
    private record Entry(String name, Color color, Stroke stroke) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** An entry drawn as a line sample with {@code stroke}. */
    Legend line(String name, Color color, Stroke stroke) {
        entries.add(new Entry(name, color, stroke));
        return this;
    }

    /** An entry drawn as a filled square (bars). */
    Legend patch(String name, Color color) {
        entries.add(new Entry(name, color, null));
        return this;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The height of the row drawn by {@link #drawRowAbove}; 0 when empty. */
    int rowHeight(Canvas canvas) {
        return entries.isEmpty() ? 0 : canvas.lineHeight(Canvas.SMALL) + 8;
    }

    /** All entries in one row, centred, ending just above the area. */
    void drawRowAbove(Canvas canvas, Rectangle area) {
        int sample = 22;
        int gap = 18;
        int total = 0;
        for (Entry e : entries) {
            total += sample + 6 + canvas.textWidth(e.name, Canvas.SMALL) + gap;
        }
        double x = area.x + (area.width - (total - gap)) / 2.0;
        double cy = area.y - rowHeight(canvas) / 2.0;
        for (Entry e : entries) {
            sample(canvas, e, x, cy, sample);
            canvas.text(e.name, x + sample + 6, cy, Canvas.H.LEFT, Canvas.V.MIDDLE, Canvas.SMALL, Palette.TEXT);
            x += sample + 6 + canvas.textWidth(e.name, Canvas.SMALL) + gap;
        }
    }

    /** Boxed, in the top-right corner inside the area. */
    void draw(Canvas canvas, Rectangle area) {
        if (entries.isEmpty()) {
            return;
        }
        int row = canvas.lineHeight(Canvas.SMALL) + 2;
        int sample = 28;
        int textWidth = entries.stream().mapToInt(e -> canvas.textWidth(e.name, Canvas.SMALL)).max().orElse(0);
        int w = 8 + sample + 6 + textWidth + 8;
        int h = 6 + row * entries.size() + 4;
        int x = area.x + area.width - w - 8;
        int y = area.y + 8;
        var g = canvas.g;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, w, h);
        g.setColor(Palette.GRID.darker());
        g.setStroke(Canvas.THIN);
        g.drawRect(x, y, w, h);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double cy = y + 6 + row * i + row / 2.0;
            sample(canvas, e, x + 8, cy, sample);
            canvas.text(e.name, x + 8 + sample + 6, cy, Canvas.H.LEFT, Canvas.V.MIDDLE, Canvas.SMALL, Palette.TEXT);
        }
    }

    private static void sample(Canvas canvas, Entry e, double x, double cy, int width) {
        var g = canvas.g;
        g.setColor(e.color);
        if (e.stroke == null) {
            g.fill(new java.awt.geom.Rectangle2D.Double(x + width / 2.0 - 6, cy - 6, 12, 12));
        } else {
            g.setStroke(e.stroke);
            g.draw(new Line2D.Double(x, cy, x + width, cy));
        }
    }
}
