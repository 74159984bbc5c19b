package org.advsharp.deep.data;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.advsharp.deep.ExampleSet;

/**
 * The bundled handwritten digits (1,797 images, 8x8 grey levels 0..16, ten classes; E. Alpaydin,
 * C. Kaynak, Optical Recognition of Handwritten Digits, UCI Machine Learning Repository, 1998,
 * doi:10.24432/C50P49, CC BY 4.0), read from the classpath resource {@value #RESOURCE}, as the deep
 * tier's small real images:
 *
 * <ul>
 *   <li>{@link #flat()}: 64 features x/16 in [0, 1] for the K = 10 linear softmax model
 *       (exp:softmax-direction-term);</li>
 *   <li>{@link #upsampled(int)}: each pixel repeated into a 4x4 block, giving 32x32 images in [0, 1]
 *       with the grey level copied to every channel, for the CPU-tier ResNet18
 *       (exp:resnet-paper-scale and its reduced CPU configuration).</li>
 * </ul>
 */
public final class DigitsImages {
    /** Classpath location of the gzipped CSV (header p00..p77,digit). */
    public static final String RESOURCE = "datasets/digits_8x8.csv.gz";
    private static final int SIDE = 8;
    private static final int PIXELS = SIDE * SIDE;
    private static final int UPSAMPLE = 4;
    private static final float MAX_GREY = 16f;

    private static volatile Raw cache;

    private DigitsImages() {
    }

    /** All digits as flat vectors in [0, 1]^64. */
    public static ExampleSet flat() {
        Raw raw = raw();
        float[] f = new float[raw.labels.length * PIXELS];
        for (int i = 0; i < f.length; i++) {
            f[i] = raw.grey[i] / MAX_GREY;
        }
        return new ExampleSet("digits 8x8 (1,797 images, pixels / 16)", new Shape(PIXELS), 10, f, raw.labels);
    }

    /** All digits as (channels, 32, 32) images in [0, 1], nearest-neighbour upsampled by 4. */
    public static ExampleSet upsampled(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("digits: channels = " + channels + " must be >= 1");
        }
        Raw raw = raw();
        int side = SIDE * UPSAMPLE;
        int plane = side * side;
        float[] f = new float[raw.labels.length * channels * plane];
        for (int n = 0; n < raw.labels.length; n++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    float v = raw.grey[n * PIXELS + (r / UPSAMPLE) * SIDE + c / UPSAMPLE] / MAX_GREY;
                    for (int ch = 0; ch < channels; ch++) {
                        f[(n * channels + ch) * plane + r * side + c] = v;
                    }
                }
            }
        }
        return new ExampleSet("digits 8x8 upsampled to " + channels + "x32x32 (1,797 images)",
                new Shape(channels, side, side), 10, f, raw.labels);
    }

    private static Raw raw() {
        Raw r = cache;
        if (r == null) {
            synchronized (DigitsImages.class) {
                if (cache == null) {
                    cache = read();
                }
                r = cache;
            }
        }
        return r;
    }

    private static Raw read() {
        InputStream in = DigitsImages.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("digits: classpath resource " + RESOURCE + " is missing");
        }
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("p00")) {
                throw new IllegalStateException("digits: " + RESOURCE + " does not start with the header p00..p77,digit");
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != PIXELS + 1) {
                    throw new IllegalStateException("digits: line " + lineNo + " of " + RESOURCE + " has "
                            + cells.length + " cells, expected " + (PIXELS + 1));
                }
                int[] row = new int[PIXELS + 1];
                for (int j = 0; j <= PIXELS; j++) {
                    row[j] = Integer.parseInt(cells[j].trim());
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("digits: cannot read " + RESOURCE, e);
        }
        int[] grey = new int[rows.size() * PIXELS];
        int[] labels = new int[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            System.arraycopy(rows.get(n), 0, grey, n * PIXELS, PIXELS);
            labels[n] = rows.get(n)[PIXELS];
        }
        return new Raw(grey, labels);
    }

    private record Raw(int[] grey, int[] labels) {
    }
}
