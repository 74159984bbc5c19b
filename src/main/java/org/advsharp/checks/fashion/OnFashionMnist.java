package org.advsharp.checks.fashion;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.data.FashionMnist;

/**
 * A check on Fashion-MNIST, run only where the data are installed: where {@link FashionMnist#missing()} gives a
 * reason (the files absent, with the command that installs them), the check is NOT RUN with that reason;
 * else it runs. Its id, claim and title are the check's. (CI requires the data: {@code .ci/run} stops before
 * the build when they are absent.)
 *
 * @param check the Fashion-MNIST check
 */
record OnFashionMnist(Check check) implements Check {

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
        String reason = FashionMnist.missing().orElse(null);
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        return check.run(context, evidence);
    }
}
