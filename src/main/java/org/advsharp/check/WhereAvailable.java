package org.advsharp.check;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A check run only where what it needs is there (an engine that loads, data that are installed): first
 * {@code unmet} is asked; where it gives a reason the check is NOT RUN with that reason instead of failing,
 * else the check runs. Its id, claim and title are the check's. An exception of the check becomes a FAILED
 * result in {@link Check#execute}, the one guard of every check.
 *
 * @param check the check
 * @param unmet what the check lacks here, in words for the report (with what to install), or empty
 */
public record WhereAvailable(Check check, Supplier<Optional<String>> unmet) implements Check {

    @Override
    public String id() {
        return check.id();
    }

    @Override
    public String claimId() {
        return check.claimId();
    }

    @Override
    public String title() {
        return check.title();
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        String reason = unmet.get().orElse(null);
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        return check.run(context, evidence);
    }
}
