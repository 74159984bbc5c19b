package org.advsharp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A check where what it needs is missing is NOT RUN with the reason and never started; else it runs as itself. */
class WhereAvailableTest {

    private static Check counting(AtomicBoolean ran) {
        return new FunctionalCheck("a-check", "lem:a", "a title", (context, evidence) -> {
            ran.set(true);
            evidence.fact("ran", "yes");
            return "ran";
        });
    }

    @Test
    void whereSomethingIsMissingTheCheckIsNotRunWithTheReason() {
        AtomicBoolean ran = new AtomicBoolean();
        Check guarded = new WhereAvailable(counting(ran), () -> Optional.of("the data are not installed"));
        CheckResult result = guarded.execute(CheckContext.defaults());
        assertEquals(Outcome.NOT_RUN, result.outcome(), result.summary());
        assertEquals("Not run: the data are not installed.", result.summary());
        assertFalse(ran.get(), "the check must not start");
    }

    @Test
    void whereNothingIsMissingTheCheckRunsUnderItsOwnNames() {
        AtomicBoolean ran = new AtomicBoolean();
        Check guarded = new WhereAvailable(counting(ran), Optional::empty);
        CheckResult result = guarded.execute(CheckContext.defaults());
        assertTrue(ran.get());
        assertEquals("ran", result.summary());
        assertEquals(Outcome.PASSED, result.outcome(), result.summary());
        assertEquals("a-check", guarded.id());
        assertEquals("lem:a", guarded.claimId());
        assertEquals("a title", guarded.title());
    }
}
