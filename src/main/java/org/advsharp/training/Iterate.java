package org.advsharp.training;

/**
 * One line of a trainer's trace, recorded at the START of iteration k (before its step), plus the
 * step that iteration then took.
 *
 * @param iteration    k = 0, 1, ...
 * @param loss         F(w_k)
 * @param gradientNorm ||grad F(w_k)||
 * @param stepLength   the line-search factor t accepted for the step w_{k+1} = w_k + t p_k (0 for the
 *                     final, converged iterate, which takes no step)
 * @param stepNorm     ||w_{k+1} - w_k||
 */
public record Iterate(int iteration, double loss, double gradientNorm, double stepLength, double stepNorm) {
}
