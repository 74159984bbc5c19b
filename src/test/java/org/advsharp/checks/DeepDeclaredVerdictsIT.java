package org.advsharp.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The deep claims' declared-verdict tests (see DeclaredVerdictsTest), in the integration phase. */
class DeepDeclaredVerdictsIT {

    @TestFactory
    Stream<DynamicTest> everyDeepClaimGetsItsDeclaredVerdict() {
        return DeclaredVerdicts.tests(DeclaredVerdictsTest.checksOf(true));
    }
}
