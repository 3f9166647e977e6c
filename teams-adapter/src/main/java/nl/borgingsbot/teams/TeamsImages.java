package nl.borgingsbot.teams;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import nl.borgingsbot.core.report.IndexedPng;

/**
 * Makes a chart small enough to travel inline in a Teams card: the Bot Service refuses a request
 * over 256 KB. The core already draws its charts as indexed-colour PNGs (a radar of 25 partners at
 * 1024 px is about 115 KB), so this is the fallback for a chart that is still too large: smaller
 * sizes, encoded the same way ({@link IndexedPng}). Sizes measured are in docs/benchmarks.md.
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
            if (width >= image.getWidth()) {
                continue;
            }
            byte[] smaller = IndexedPng.encode(scaled(image, width));
            if (smaller.length <= maxBytes) {
                return Optional.of(smaller);
            }
        }
        return Optional.empty();
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
}
