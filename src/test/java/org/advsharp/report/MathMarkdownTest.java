package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MathMarkdownTest {

    private static String inline(String tex) {
        return "<span class=\"math\" data-display=\"false\">" + tex + "</span>";
    }

    @Test
    void inlineMathKeepsUnderscoresBackslashesAndBracesThatMarkdownWouldEat() {
        String html = MathMarkdown.toHtml("Let $a_1 b_2 \\{x\\}$ and $c_3$ hold.");
        assertEquals("<p>Let " + inline("a_1 b_2 \\{x\\}") + " and " + inline("c_3") + " hold.</p>\n", html);
    }

    @Test
    void displayMathMayCrossLinesAndTexIsEscaped() {
        String html = MathMarkdown.toHtml("Then\n\n$$\\lambda_{\\max} <\n \\kappa$$\n\ndone.");
        assertTrue(html.contains("<span class=\"math\" data-display=\"true\">\\lambda_{\\max} &lt;\n \\kappa</span>"),
                html);
    }

    @Test
    void inlineMathMayCrossALineBreakButNotABlankLine() {
        String html = MathMarkdown.toHtml("directions at $\\alpha \\in \\lbrace -0.5,\n0, 0.5 \\rbrace$. Test");
        assertEquals("<p>directions at " + inline("\\alpha \\in \\lbrace -0.5,\n0, 0.5 \\rbrace") + ". Test</p>\n",
                html);
        String paragraphs = MathMarkdown.toHtml("costs $x\n\ny$ here");
        assertFalse(paragraphs.contains("class=\"math\""), paragraphs);
        String prices = MathMarkdown.toHtml("costs $5 and\n$6 there");
        assertFalse(prices.contains("class=\"math\""), prices);
    }

    @Test
    void codeSpansFencesPricesAndEscapedDollarsAreNotMath() {
        String html = MathMarkdown.toHtml("The code `$x$` costs $5 and $6, a literal \\$y\\$.\n\n```\n$z$\n```\n");
        assertFalse(html.contains("class=\"math\""), html);
        assertTrue(html.contains("<code>$x$</code>"), html);
        assertTrue(html.contains("costs $5 and $6"), html);
        assertTrue(html.contains("literal $y$."), html);
        assertTrue(html.contains("$z$"), html);
    }

    @Test
    void markdownStillWorksAroundMathAndRawHtmlIsEscaped() {
        String html = MathMarkdown.toHtml("*twice* with $x^T_n$\n\n1. one\n2. <script>alert(1)</script>");
        assertTrue(html.contains("<em>twice</em> with " + inline("x^T_n")), html);
        assertTrue(html.contains("<ol>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void emptyInputGivesNothing() {
        assertEquals("", MathMarkdown.toHtml(""));
        assertEquals("", MathMarkdown.toHtml(null));
    }
}
