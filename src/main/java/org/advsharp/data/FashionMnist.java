package org.advsharp.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; MIT licence) as Debian's package
 * {@code dataset-fashion-mnist} installs it: gzipped IDX files, 60,000 training and 10,000 test images of
 * 28 x 28 grey pixels in ten clothing classes. Not bundled: where the files are missing the claims that
 * need them are NOT RUN with {@link #INSTALL_COMMAND} as the reason.
 *
 * <p>The folder is {@value #DEFAULT_DIRECTORY}, or the system property {@value #DIRECTORY_PROPERTY}.
 * Only the training file is used; a pair takes the first images of each class in file order.
 */
public final class FashionMnist {
    /** Where Debian's package puts the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** System property naming another folder with the same four files. */
    public static final String DIRECTORY_PROPERTY = "advsharp.fashion.dir";
    /** How to get the files on Debian or Ubuntu. */
    public static final String INSTALL_COMMAND = "apt-get install -y dataset-fashion-mnist";
    /** The training images file name. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** The training labels file name. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** The class names, by label 0..9. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "trouser", "pullover", "dress", "coat",
            "sandal", "shirt", "sneaker", "bag", "ankle boot");

    private FashionMnist() {
    }

    /** The folder searched. */
    public static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
    }

    /** Why the data cannot be used here (the missing file and the install command), or empty if it can. */
    public static Optional<String> missing() {
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS)) {
            Path p = directory().resolve(name);
            if (!Files.isReadable(p)) {
                return Optional.of("Fashion-MNIST is not installed: " + p + " is missing (install it with `"
                        + INSTALL_COMMAND + "`, or point -D" + DIRECTORY_PROPERTY + " at a folder with "
                        + TRAIN_IMAGES + " and " + TRAIN_LABELS + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Class {@code negative} (label -1) vs class {@code positive} (label +1): the first {@code perClass}
     * training images of each, pixels in [0, 1].
     */
    public static Dataset pair(int negative, int positive, int perClass) {
        missing().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return MnistIdx.pair(directory().resolve(TRAIN_IMAGES), directory().resolve(TRAIN_LABELS), negative, positive,
                perClass);
    }

    /** "sneaker vs ankle boot" for the pair (7, 9). */
    public static String pairName(int negative, int positive) {
        return CLASS_NAMES.get(negative) + " vs " + CLASS_NAMES.get(positive);
    }
}
