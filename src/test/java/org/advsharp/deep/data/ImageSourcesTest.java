package org.advsharp.deep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advsharp.deep.ExampleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image sources of the ResNet tiers: bundled digits, CIFAR-10 binary files, synthetic images. */
class ImageSourcesTest {
    private static final int DIGITS = 1797;
    private static final int CIFAR_RECORD = 3073;

    @Test
    void bundledDigitsAreAllThereInTheUnitBoxAndUpsampledTo32By32() {
        ExampleSet flat = DigitsImages.flat();
        assertEquals(DIGITS, flat.size());
        assertEquals(new Shape(64), flat.exampleShape());
        ExampleSet images = DigitsImages.upsampled(3);
        assertEquals(DIGITS, images.size());
        assertEquals(new Shape(3, 32, 32), images.exampleShape());
        float[] first = images.example(0);
        float[] pixels = flat.example(0);
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                float v = first[r * 32 + c];
                assertTrue(v >= 0 && v <= 1);
                assertEquals(pixels[(r / 4) * 8 + c / 4], v, "nearest-neighbour upsampling at " + r + "," + c);
                assertEquals(v, first[2 * 1024 + r * 32 + c], "channels are copies");
            }
        }
    }

    @Test
    void cifarBinaryFilesAreReadRecordByRecord(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[3 * CIFAR_RECORD];
        for (int i = 0; i < 3; i++) {
            bytes[i * CIFAR_RECORD] = (byte) (7 - i);
            bytes[i * CIFAR_RECORD + 1] = (byte) 255;            // first red pixel
            bytes[i * CIFAR_RECORD + 1 + 2048] = (byte) 51;      // first blue pixel
        }
        Files.write(dir.resolve("data_batch_1.bin"), bytes);
        ExampleSet set = Cifar10Files.training(dir, 3);
        assertEquals(3, set.size());
        assertEquals(new Shape(3, 32, 32), set.exampleShape());
        assertEquals(7, set.label(0));
        assertEquals(5, set.label(2));
        assertEquals(1.0f, set.example(1)[0]);
        assertEquals(0.2f, set.example(1)[2048], 1e-7f);
    }

    @Test
    void malformedOrMissingCifarFilesAreNamed(@TempDir Path dir) throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Files.training(dir, 5));
        assertTrue(missing.getMessage().contains("data_batch_1.bin"), missing.getMessage());
        Files.write(dir.resolve("data_batch_1.bin"), new byte[CIFAR_RECORD + 1]);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Files.training(dir, 1));
        assertTrue(size.getMessage().contains("3,073-byte record"), size.getMessage());
    }

    @Test
    void syntheticImagesAreSeededAndInTheBox() {
        ExampleSet a = SyntheticImages.cifarShaped(6, 3, 9L);
        ExampleSet b = SyntheticImages.cifarShaped(6, 3, 9L);
        assertEquals(new Shape(3, 32, 32), a.exampleShape());
        for (int i = 0; i < 6; i++) {
            assertEquals(i % 3, a.label(i));
            float[] x = a.example(i);
            float[] y = b.example(i);
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], y[j]);
                assertTrue(x[j] >= 0 && x[j] <= 1);
            }
        }
    }
}
