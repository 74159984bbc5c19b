package org.advsharp.report;

import java.util.List;

/**
 * The paper's four headline claims (Yamada et al., arXiv 2102.02950), as the report's summary groups the
 * precise claims under them. Only the paper's abstract and introduction could be read, so each headline
 * claim is tied to the sentence of the abstract that makes it (a paraphrase here, with the sentence's
 * position); the paper's theorem, equation and figure numbers are not known and are never guessed. The
 * precise claims themselves live in proofs/.
 */
public final class PaperClaims {

    /** The paper's abstract page. */
    public static final String ARXIV = "https://arxiv.org/abs/2102.02950";

    /** What the report says about the mapping, once, wherever it links to the paper. */
    public static final String MAPPING_NOTE = "Only the abstract and introduction of the paper could be read: "
            + "each precise claim is mapped to the sentence of the abstract it makes precise (P1-P4); the "
            + "paper's theorem, equation and figure numbers are not known here.";

    /**
     * One headline claim.
     *
     * @param id       P1..P4
     * @param text     what it says, in one sentence (a paraphrase of the abstract)
     * @param sentence the position of that sentence in the paper's abstract (1-based)
     */
    public record PaperClaim(String id, String text, int sentence) {

        /** The anchor of its group in the report. */
        public String anchor() {
            return "paper-" + id;
        }

        /** "abstract, sentence 5". */
        public String where() {
            return "abstract, sentence " + sentence;
        }
    }

    /** P1-P4 in order. */
    public static final List<PaperClaim> ALL = List.of(
            new PaperClaim("P1", "L2 adversarial training provably makes the weight loss landscape of linear "
                    + "logistic regression sharper.", 5),
            new PaperClaim("P2", "The cause: the adversarial noise points in the direction that increases "
                    + "the loss.", 6),
            new PaperClaim("P3", "The landscape gets sharper as the noise magnitude epsilon grows (theory and "
                    + "experiment).", 7),
            new PaperClaim("P4", "The same is seen experimentally for ResNet18 with softmax.", 8));

    private PaperClaims() {
    }

    /** The headline claim with this id. */
    public static PaperClaim byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown paper claim '" + id + "'"));
    }
}
