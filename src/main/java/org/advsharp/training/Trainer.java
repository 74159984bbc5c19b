package org.advsharp.training;

/** A method that minimises a convex {@link TrainingObjective} from a given start. */
public interface Trainer {

    /** One line naming the method and its settings. */
    String name();

    /**
     * Minimises {@code objective} from {@code start} (not modified).
     *
     * @throws NoFiniteMinimiserException when the objective is certified to have no minimiser
     *                                    (prop:separable-divergence)
     */
    TrainingResult train(TrainingObjective objective, double[] start);

    /** Minimises from {@link StartingPoint#leaveKink(TrainingObjective)}, a nonzero point. */
    default TrainingResult train(TrainingObjective objective) {
        return train(objective, StartingPoint.leaveKink(objective));
    }
}
