package org.molap.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** Pixel-level checks on written PNGs. */
final class Pixels {
    private Pixels() {
    }

    static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new AssertionError(png + " does not decode as an image");
        }
        return img;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            n += column(img, x, rgb);
        }
        return n;
    }

    /** Pixels of exactly {@code rgb} in column x. */
    static int column(BufferedImage img, int x, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                n++;
            }
        }
        return n;
    }

    /**
     * Bars of colour {@code rgb}, left to right: runs of adjacent columns with more than {@code minHeight}
     * pixels of that colour, each as its height (pixel count) in the run's middle column.
     */
    static List<Integer> bars(BufferedImage img, int rgb, int minHeight) {
        List<Integer> heights = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= img.getWidth(); x++) {
            boolean in = x < img.getWidth() && column(img, x, rgb) > minHeight;
            if (in && start < 0) {
                start = x;
            } else if (!in && start >= 0) {
                heights.add(column(img, (start + x - 1) / 2, rgb));
                start = -1;
            }
        }
        return heights;
    }

    /** Pixels within {@code tolerance} of a colour in every channel (anti-aliased lines are rarely exact). */
    static int countNear(BufferedImage img, int rgb, int tolerance) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                boolean near = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    near &= Math.abs(((p >> shift) & 0xff) - ((rgb >> shift) & 0xff)) <= tolerance;
                }
                n += near ? 1 : 0;
            }
        }
        return n;
    }
}
