package org.advsharp.deep.study;

import ai.djl.ndarray.types.Shape;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.data.DigitsImages;
import org.advsharp.deep.data.FashionMnistImages;

/**
 * The images of a study, the same for every seed and radius: the first {@code trainExamples} training images, the
 * first {@code measureExamples} of them for the sharpness measurements, {@code testExamples} test images for
 * accuracy.
 *
 * <ul>
 *   <li>Fashion-MNIST: the first images of the training and of the test file, block-averaged to the study's
 *       side;</li>
 *   <li>8x8 digits: the first {@code trainExamples} images of the bundled file for training and its last
 *       {@code testExamples} for testing (disjoint: their sum may not exceed the file's 1,797 images), as one
 *       channel of 8x8 grey levels / 16.</li>
 * </ul>
 *
 * @param train   training images
 * @param measure measuring images (a prefix of train)
 * @param test    test images
 */
public record StudyData(ExampleSet train, ExampleSet measure, ExampleSet test) {

    /**
     * Reads the images of a configuration.
     *
     * @throws IllegalStateException    if the Fashion-MNIST files are not there (with the folder searched)
     * @throws IllegalArgumentException if the digits cannot give disjoint training and test images of these sizes
     */
    public static StudyData load(StudyConfig config) {
        ExampleSet train;
        ExampleSet test;
        if (config.source() == StudySource.DIGITS_8X8) {
            ExampleSet all = digitImages();
            if (config.trainExamples() + config.testExamples() > all.size()) {
                throw new IllegalArgumentException("study: " + config.trainExamples() + " training and "
                        + config.testExamples() + " test images exceed the " + all.size() + " digits");
            }
            train = all.head(config.trainExamples());
            int[] last = new int[config.testExamples()];
            for (int i = 0; i < last.length; i++) {
                last[i] = all.size() - last.length + i;
            }
            test = all.subset(last);
        } else {
            if (!FashionMnistImages.available()) {
                throw new IllegalStateException("Fashion-MNIST: the four gzipped IDX files are not in "
                        + FashionMnistImages.directory() + " (Debian: apt-get install dataset-fashion-mnist; or set -D"
                        + FashionMnistImages.DIRECTORY_PROPERTY + "=DIR)");
            }
            train = FashionMnistImages.downsampled(FashionMnistImages.training(config.trainExamples()),
                    config.downsample());
            test = FashionMnistImages.downsampled(FashionMnistImages.test(config.testExamples()),
                    config.downsample());
        }
        return new StudyData(train, train.head(config.measureExamples()), test);
    }

    /** The bundled digits as (1, 8, 8) images in [0, 1]. */
    private static ExampleSet digitImages() {
        ExampleSet flat = DigitsImages.flat();
        int pixels = (int) flat.exampleShape().size();
        int side = StudySource.DIGITS_8X8.side();
        float[] features = new float[flat.size() * pixels];
        int[] labels = new int[flat.size()];
        for (int n = 0; n < flat.size(); n++) {
            System.arraycopy(flat.example(n), 0, features, n * pixels, pixels);
            labels[n] = flat.label(n);
        }
        return new ExampleSet("digits 8x8 (1,797 images, pixels / 16, one channel)", new Shape(1, side, side), 10,
                features, labels);
    }
}
