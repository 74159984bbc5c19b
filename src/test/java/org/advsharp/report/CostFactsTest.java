package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.advsharp.check.Evidence;
import org.junit.jupiter.api.Test;

/** Facts named "cost: ..." (time, memory) are left out of the deterministic part, like the run section. */
class CostFactsTest {

    private static String results(String cost, String math, String run) {
        return "{\"schema\":1,\"claims\":[{\"id\":\"c\",\"checks\":[{\"id\":\"k\",\"facts\":{\""
                + Evidence.COST_FACT_PREFIX + "step ms\":" + cost + ",\"lambda\":" + math + "}}]}],"
                + "\"run\":{\"elapsedMillis\":" + run + "}}";
    }

    @Test
    void costFactsAndTheRunSectionDoNotCountOtherFactsDo() {
        String a = ResultsReader.deterministicPart(results("12.5", "3.0", "100"));
        String b = ResultsReader.deterministicPart(results("99.0", "3.0", "200"));
        assertEquals(a, b);
        assertFalse(a.contains(Evidence.COST_FACT_PREFIX), a);
        assertNotEquals(a, ResultsReader.deterministicPart(results("12.5", "3.5", "100")));
    }
}
