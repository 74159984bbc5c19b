package org.advsharp.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.advsharp.check.Check;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Claim;

/**
 * The progress lines of a run, counting both claims and checks so that neither is mistaken for the other:
 * "[claim 3/42, check 5/52] prop:x / check-id: title" when a check starts, then
 * "[claim 3/42, check 5/52] check-id: PASSED (0.4 s)" with the outcome in words (COUNTEREXAMPLE FOUND,
 * NOT RUN), never an enum name. A claim is counted when its first check starts.
 */
final class Progress {
    private final Consumer<String> sink;
    private final int claims;
    private final int checks;
    private final Set<String> started = new LinkedHashSet<>();
    private int check;

    Progress(Consumer<String> sink, List<Claim> selected, List<Check> toRun) {
        this.sink = sink;
        this.claims = selected.size();
        this.checks = toRun.size();
    }

    void starting(Check c) {
        check++;
        started.add(c.claimId());
        sink.accept(position() + c.claimId() + " / " + c.id() + ": " + c.title());
    }

    void finished(Check c, CheckResult result) {
        sink.accept(position() + c.id() + ": " + result.outcome().label()
                + String.format(Locale.ROOT, " (%.1f s)", result.elapsedMillis() / 1000.0));
    }

    private String position() {
        return "[claim " + started.size() + "/" + claims + ", check " + check + "/" + checks + "] ";
    }
}
