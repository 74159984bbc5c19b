package org.advsharp.deep;

/**
 * NetworkSharpness of one trained network at its training radius eps.
 *
 * @param epsilon         the radius (of training and of the measuring attack)
 * @param frozen          top eigenvalue of the Hessian of L_A (attack frozen: analogue of A)
 * @param reattacked      top eigenvalue of the Hessian of L_H (attack recomputed: analogue of H)
 * @param robustLoss      L_H at the trained weights
 * @param cleanLoss       the loss on the clean inputs at the trained weights
 * @param curves          1-D robust-loss curves (null when none were asked for)
 * @param millis          wall time of the whole measurement, ms
 */
public record NetworkSharpness(double epsilon, TopEigenvalue frozen, TopEigenvalue reattacked, double robustLoss,
                        double cleanLoss, RobustLossCurves curves, double millis) {
}
