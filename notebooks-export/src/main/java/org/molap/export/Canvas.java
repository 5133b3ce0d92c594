package org.molap.export;

import org.molap.core.run.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A white, antialiased image to draw one figure on, with the figure fonts and text placement helpers,
 * saved as PNG. Works headless: it never opens a window.
 */
final class Canvas {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final Stroke THIN = new BasicStroke(1f);
    static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);

    /** Horizontal anchor of a text: its left end, centre or right end sits on x. */
    enum H { LEFT, CENTER, RIGHT }

    /** Vertical anchor of a text: its top, middle or baseline-bottom sits on y. */
    enum V { TOP, MIDDLE, BOTTOM }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    final int width;
    final int height;
    final Graphics2D g;
    private final BufferedImage image;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** The figure title, centred at the top. Returns the y below it. */
    int title(String title) {
        text(title, width / 2.0, 12, H.CENTER, V.TOP, TITLE, Palette.TEXT);
        return 12 + g.getFontMetrics(TITLE).getHeight() + 6;
    }

    /** Draws {@code s} anchored at (x, y). */
    void text(String s, double x, double y, H h, V v, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        double left = switch (h) {
            case LEFT -> x;
            case CENTER -> x - fm.stringWidth(s) / 2.0;
            case RIGHT -> x - fm.stringWidth(s);
        };
        double baseline = switch (v) {
            case TOP -> y + fm.getAscent();
            case MIDDLE -> y + (fm.getAscent() - fm.getDescent()) / 2.0;
            case BOTTOM -> y - fm.getDescent();
        };
        g.drawString(s, (float) left, (float) baseline);
    }

    /** Draws {@code s} rotated by {@code degrees} (negative: counter-clockwise) with its end at (x, y). */
    void rotatedText(String s, double x, double y, double degrees, H h, Font font, Color color) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.toRadians(degrees));
        text(s, 0, 0, h, V.MIDDLE, font, color);
        g.setTransform(saved);
    }

    int textWidth(String s, Font font) {
        return g.getFontMetrics(font).stringWidth(s);
    }

    int lineHeight(Font font) {
        return g.getFontMetrics(font).getHeight();
    }

    /** Writes the image as PNG (creating parent folders) and releases the graphics. */
    void save(Path png) {
        g.dispose();
        try {
            byte[] bytes;
            try (var out = new java.io.ByteArrayOutputStream()) {
                ImageIO.write(image, "png", out);
                bytes = out.toByteArray();
            }
            AtomicFiles.write(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + png + ": " + e.getMessage(), e);
        }
    }
}
