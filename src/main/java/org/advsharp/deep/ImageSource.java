package org.advsharp.deep;

/** Where the ResNet18 tiers take their images from. */
public enum ImageSource {
    /** The bundled 8x8 digits, upsampled to 3x32x32 (real images, always available). */
    DIGITS,
    /** A seeded synthetic CIFAR-shaped set (always available). */
    SYNTHETIC,
    /** The user's CIFAR-10 binary files (folder from the config or the system property advsharp.cifar10.dir). */
    CIFAR10
}
