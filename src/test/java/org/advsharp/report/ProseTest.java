package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Long floats in running text are shortened to significant digits; everything else is left alone. */
class ProseTest {

    @Test
    void longFloatsGetSignificantDigitsAndPValuesTwo() {
        assertEquals("p = 0.79, tau = 0.4817", Prose.numbers("p = 0.7916666666666666, tau = 0.48170731707317072"));
        assertEquals("p-value of the trend 0.031", Prose.numbers("p-value of the trend 0.03125000000000001"));
        assertEquals("error 0.001056 and 2.5e-13", Prose.numbers("error 0.0010559211812706203 and 2.5000000000000004E-13"));
        assertEquals("lambda 39830", Prose.numbers("lambda 39827.115180680914"));
    }

    @Test
    void shortNumbersIntegersVersionsAndIdsAreLeftAsWritten() {
        String text = "seed -5457401842437714185, 3000 cases, eps 0.25, PyTorch 2.7.1, 0.158113883 on rem:a-0.1";
        assertEquals(text.replace("0.158113883", "0.1581"), Prose.numbers(text));
        assertEquals("", Prose.numbers(null));
    }

    @Test
    void shorteningKeepsTheValueToItsDigits() {
        assertEquals("39830", Prose.shorten(39827.115180680914, 4));
        assertEquals("1.235e-7", Prose.shorten(1.23456789e-7, 4));
        assertEquals("-0.7917", Prose.shorten(-0.7916666666666666, 4));
        assertEquals("1000000", Prose.shorten(999999.99999, 2));
        assertEquals("3.2e8", Prose.shorten(3.2e8, 4));
    }
}
