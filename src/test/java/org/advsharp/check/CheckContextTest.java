package org.advsharp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The context knows its check and claim: the check's seed, named streams and the replay command. */
class CheckContextTest {

    private static final Check CHECK = new FunctionalCheck("some-check", "prop:some-claim", "a check", (c, e) -> "");

    @Test
    void theCheckSeedIsTheStreamNamedByItsIdAndStreamsDiffer() {
        CheckContext context = new CheckContext(31, 0, m -> { }).forCheck(CHECK);
        assertEquals(context.seed("some-check"), context.seed());
        assertEquals(context.seed("some-check"), context.seedFor("some-check"));
        assertNotEquals(context.seed(), context.seed("another-stream"));
        assertNotEquals(context.seed(), new CheckContext(32, 0, m -> { }).forCheck(CHECK).seed());
        // pinned: a change of the derivation changes every piece of evidence of the suite
        assertEquals(context.seed(), new CheckContext(31, 0, m -> { }).forCheck(CHECK).seed());
    }

    @Test
    void theReplayCommandNamesTheClaimTheSeedAndAnyTriesOverride() {
        assertEquals("./advsharp verify --claims prop:some-claim --seed 31",
                new CheckContext(31, 0, m -> { }).forCheck(CHECK).replayCommand());
        assertEquals("./advsharp verify --claims prop:some-claim --seed 7 --tries 5",
                new CheckContext(7, 5, m -> { }).forCheck(CHECK).replayCommand());
    }

    @Test
    void aContextForNoCheckRefusesTheIdsItDoesNotKnow() {
        CheckContext context = new CheckContext(31, 0, m -> { });
        assertEquals("this context was not made for a check, so it knows no check seed",
                assertThrows(IllegalStateException.class, context::seed).getMessage());
        assertThrows(IllegalStateException.class, context::replayCommand);
    }

    @Test
    void executeRunsTheBodyWithTheContextOfItsCheck() {
        AtomicReference<CheckContext> seen = new AtomicReference<>();
        Check check = new FunctionalCheck("body-check", "prop:body", "t", (c, e) -> {
            seen.set(c);
            e.measure(Measurement.atMost("nothing", 0, 0, "exact"));
            return "ok";
        });
        check.execute(new CheckContext(31, 0, m -> { }));
        assertEquals("body-check", seen.get().checkId());
        assertEquals("prop:body", seen.get().claimId());
    }
}
