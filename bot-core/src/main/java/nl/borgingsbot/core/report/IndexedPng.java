package nl.borgingsbot.core.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.pngencoder.PngEncoder;

/**
 * Encodes a chart drawn in RGB as an 8-bit indexed PNG: every pixel becomes the nearest of at most
 * 256 colours — white, each ink of the chart blended over white in {@value #LEVELS} steps, and the
 * partners' colours over the min–max band. Anti-aliased edges keep their smoothness (16 steps) and
 * the file is less than half the size of the RGB PNG, so a chart of 25 partners stays far below
 * every platform's image limit.
 */
public final class IndexedPng {

    /** Blend steps of each ink over white: 16, so a half-transparent line (½) is one of them. */
    static final int LEVELS = 16;
    private static final IndexColorModel COLOURS = colours();

    private IndexedPng() {
    }

    /** The chart as an indexed PNG (also a chart scaled down, e.g. for a platform's size limit). */
    public static byte[] encode(BufferedImage rgb) {
        return new PngEncoder().withBufferedImage(quantise(rgb)).withCompressionLevel(1).withTryIndexedEncoding(true)
                .toBytes();
    }

    /** The image with each pixel replaced by the nearest of {@link #COLOURS}. */
    static BufferedImage quantise(BufferedImage rgb) {
        BufferedImage indexed = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                COLOURS);
        int[] source = rgb.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData()
                : rgb.getRGB(0, 0, rgb.getWidth(), rgb.getHeight(), null, 0, rgb.getWidth());
        byte[] target = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < source.length; i++) {
            int colour = source[i];
            // the background stays exactly white (index 0); anything else by its bin
            target[i] = (colour & 0xFFFFFF) == 0xFFFFFF ? 0
                    : NEAREST[((colour >> 9) & 0x7C00) | ((colour >> 6) & 0x3E0) | ((colour >> 3) & 0x1F)];
        }
        return indexed;
    }

    /** The nearest palette colour of every colour, by its top five bits per channel (computed once). */
    private static final byte[] NEAREST = nearestTable();

    private static byte[] nearestTable() {
        int[] palette = new int[COLOURS.getMapSize()];
        COLOURS.getRGBs(palette);
        byte[] table = new byte[1 << 15];
        for (int bin = 0; bin < table.length; bin++) {
            // the middle of the bin
            int colour = ((bin >> 10) << 19 | 0x40000) | (((bin >> 5) & 0x1F) << 11 | 0x400) | ((bin & 0x1F) << 3 | 0x4);
            table[bin] = (byte) nearest(colour, palette);
        }
        return table;
    }

    private static int nearest(int colour, int[] palette) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((colour >> 16) & 0xFF) - ((palette[i] >> 16) & 0xFF);
            int dg = ((colour >> 8) & 0xFF) - ((palette[i] >> 8) & 0xFF);
            int db = (colour & 0xFF) - (palette[i] & 0xFF);
            int distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // weighted as the eye weighs them
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static IndexColorModel colours() {
        List<Color> inks = new ArrayList<>(RadarStyle.PALETTE);
        inks.addAll(List.of(RadarChart.MEAN, RadarChart.TEXT, RadarChart.RING, RingedSpiderWebPlot.RING_NUMBER,
                Color.BLACK, new Color(0x808080)));
        int white = 0xFFFFFF;
        int band = blend(RadarChart.BAND.getRGB(), white, RadarChart.BAND.getAlpha() / 255.0);
        Set<Integer> colours = new LinkedHashSet<>(List.of(white, band));
        for (Color ink : inks) {
            for (int step = 1; step <= LEVELS; step++) {
                colours.add(blend(ink.getRGB(), white, step / (double) LEVELS));
            }
        }
        for (Color ink : RadarStyle.PALETTE) {
            colours.add(blend(ink.getRGB(), band, 0.5));
        }
        colours.add(blend(RadarChart.MEAN.getRGB(), band, 0.5));
        int[] rgbs = colours.stream().mapToInt(Integer::intValue).limit(256).toArray();
        byte[] r = new byte[rgbs.length];
        byte[] g = new byte[rgbs.length];
        byte[] b = new byte[rgbs.length];
        for (int i = 0; i < rgbs.length; i++) {
            r[i] = (byte) (rgbs[i] >> 16);
            g[i] = (byte) (rgbs[i] >> 8);
            b[i] = (byte) rgbs[i];
        }
        return new IndexColorModel(8, rgbs.length, r, g, b);
    }

    private static int blend(int ink, int under, double t) {
        int red = (int) Math.round(((ink >> 16) & 0xFF) * t + ((under >> 16) & 0xFF) * (1 - t));
        int green = (int) Math.round(((ink >> 8) & 0xFF) * t + ((under >> 8) & 0xFF) * (1 - t));
        int blue = (int) Math.round((ink & 0xFF) * t + (under & 0xFF) * (1 - t));
        return (red << 16) | (green << 8) | blue;
    }
}
