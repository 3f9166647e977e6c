package nl.borgingsbot.teams;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * Makes a chart small enough to travel inline in a Teams card: the Bot Service refuses a request
 * over 256 KB, and a radar of 15 partners at 1024 px is about 220 KB as an RGB PNG (293 KB as
 * base64). First the same picture as an indexed-colour PNG (the chart has few colours: the
 * palette, white, and the anti-aliased blends between them, so 256 colours keep it sharp), then,
 * only if that is still too large, smaller sizes. Sizes measured are in docs/benchmarks.md.
 */
final class TeamsImages {

    /** The sizes tried after the original, largest first. */
    static final List<Integer> WIDTHS = List.of(1024, 800, 640, 512);

    private TeamsImages() {
    }

    /** The PNG if it is at most {@code maxBytes}, else the largest re-encoding that is; empty when none is. */
    static Optional<byte[]> fit(byte[] png, int maxBytes) {
        if (png.length <= maxBytes) {
            return Optional.of(png);
        }
        BufferedImage image = decode(png);
        for (int width : WIDTHS) {
            if (width > image.getWidth()) {
                continue;
            }
            byte[] smaller = indexed(width == image.getWidth() ? image : scaled(image, width));
            if (smaller.length <= maxBytes) {
                return Optional.of(smaller);
            }
        }
        return Optional.empty();
    }

    /** The picture as an 8-bit palette PNG: its 256 most frequent colours, every other pixel the nearest of them. */
    static byte[] indexed(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        // the distinct colours (sorted) and how often each occurs
        int[] sorted = rgb.clone();
        Arrays.sort(sorted);
        int[] colours = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || colours[distinct - 1] != sorted[i]) {
                colours[distinct++] = sorted[i];
            }
            counts[distinct - 1]++;
        }
        // the palette: the most frequent colours
        Integer[] byCount = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            byCount[i] = i;
        }
        Arrays.sort(byCount, (a, b) -> Integer.compare(counts[b], counts[a]));
        int size = Math.min(256, distinct);
        int[] palette = new int[size];
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            palette[i] = colours[byCount[i]];
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        // each distinct colour's palette index, then each pixel's
        byte[] indexOf = new byte[distinct];
        for (int i = 0; i < distinct; i++) {
            indexOf[i] = (byte) nearest(palette, colours[i]);
        }
        byte[] pixels = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = indexOf[Arrays.binarySearch(colours, 0, distinct, rgb[i])];
        }
        IndexColorModel model = new IndexColorModel(8, size, r, g, b);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        out.getRaster().setDataElements(0, 0, width, height, pixels);
        return encode(out);
    }

    private static int nearest(int[] palette, int colour) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int p = palette[i];
            if (p == colour) {
                return i;
            }
            long dr = ((p >> 16) & 0xFF) - ((colour >> 16) & 0xFF);
            long dg = ((p >> 8) & 0xFF) - ((colour >> 8) & 0xFF);
            long db = (p & 0xFF) - (colour & 0xFF);
            long distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static BufferedImage scaled(BufferedImage image, int width) {
        int height = Math.round(image.getHeight() * (width / (float) image.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not a PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
