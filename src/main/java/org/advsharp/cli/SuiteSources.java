package org.advsharp.cli;

import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.checks.CheckCatalog;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;

/**
 * Where {@code advsharp verify} gets its claims and checks: the registry parsed from proofs/ and the
 * suite's check catalog, the same lists the build's verification run uses. Tests substitute a small
 * suite.
 */
public interface SuiteSources {

    List<Claim> claims();

    List<Check> checks();

    /** The claims from proofs/ and every check of the catalog. */
    static SuiteSources standard() {
        return new SuiteSources() {
            @Override
            public List<Claim> claims() {
                return ClaimRegistry.load().claims();
            }

            @Override
            public List<Check> checks() {
                return CheckCatalog.all();
            }
        };
    }
}
