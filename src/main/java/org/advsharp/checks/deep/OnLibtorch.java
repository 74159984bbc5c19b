package org.advsharp.checks.deep;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.deep.engine.DjlEnvironment;

/**
 * A deep check run only where libtorch loads: first DJL is made offline ({@link DjlEnvironment#ensureOffline()}),
 * then, where the platform cannot run the engine ({@link DjlEnvironment#unsupportedPlatform()}), the check is NOT
 * RUN with that reason instead of failing; else the check runs. Its id, claim and title are the check's. An
 * exception of the check becomes a FAILED result in {@link Check#execute}, the one guard of every check.
 *
 * @param check the deep check
 */
record OnLibtorch(Check check) implements Check {

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
        DjlEnvironment.ensureOffline();
        String unsupported = DjlEnvironment.unsupportedPlatform();
        if (unsupported != null) {
            evidence.notRun(unsupported);
            return "Not run: " + unsupported + ".";
        }
        return check.run(context, evidence);
    }
}
