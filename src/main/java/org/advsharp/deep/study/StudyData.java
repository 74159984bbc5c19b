package org.advsharp.deep.study;

import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.data.FashionMnistImages;

/**
 * The images of the study: the first {@code trainExamples} Fashion-MNIST training images (the same for every seed),
 * the first {@code measureExamples} of them for the sharpness measurements, the first {@code testExamples} test
 * images for accuracy, all block-averaged to the study's side.
 *
 * @param train   training images
 * @param measure measuring images (a prefix of train)
 * @param test    test images
 */
public record StudyData(ExampleSet train, ExampleSet measure, ExampleSet test) {

    /**
     * Reads the images of a configuration.
     *
     * @throws IllegalStateException if the Fashion-MNIST files are not there (with the folder searched)
     */
    public static StudyData load(StudyConfig config) {
        if (!FashionMnistImages.available()) {
            throw new IllegalStateException("Fashion-MNIST: the four gzipped IDX files are not in "
                    + FashionMnistImages.directory() + " (Debian: apt-get install dataset-fashion-mnist; or set -D"
                    + FashionMnistImages.DIRECTORY_PROPERTY + "=DIR)");
        }
        ExampleSet train = FashionMnistImages.downsampled(FashionMnistImages.training(config.trainExamples()),
                config.downsample());
        ExampleSet test = FashionMnistImages.downsampled(FashionMnistImages.test(config.testExamples()),
                config.downsample());
        return new StudyData(train, train.head(config.measureExamples()), test);
    }
}
