package org.advsharp.report;

import java.util.List;

/**
 * The paper's four headline claims (Yamada et al., arXiv 2102.02950, abstract and introduction), as the
 * report's summary groups the precise claims under them. The precise claims themselves live in proofs/;
 * this is only the label of each group.
 */
public final class PaperClaims {

    /** One headline claim: its id (P1..P4) and what it says, in one sentence. */
    public record PaperClaim(String id, String text) {
    }

    /** P1-P4 in order. */
    public static final List<PaperClaim> ALL = List.of(
            new PaperClaim("P1", "L2 adversarial training provably makes the weight loss landscape of linear "
                    + "logistic regression sharper."),
            new PaperClaim("P2", "The cause: the adversarial noise points in the direction that increases "
                    + "the loss."),
            new PaperClaim("P3", "The landscape gets sharper as the noise magnitude epsilon grows (theory and "
                    + "experiment)."),
            new PaperClaim("P4", "The same is seen experimentally for ResNet18 with softmax."));

    private PaperClaims() {
    }
}
