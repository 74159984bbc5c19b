package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.SampleSuite;
import org.junit.jupiter.api.Test;

/** The report draws what each proof uses, each node in its verdict's colour, inside the page. */
class DependencyGraphTest {

    @Test
    void theGraphHasOneNodePerClaimColouredByVerdictAndOneArrowPerUse() {
        List<Claim> texts = new ArrayList<>();
        for (Claim c : SampleSuite.claims()) {
            List<String> uses = c.id().equals("rem:sample-not-monotone") ? List.of("prop:sample-decomposition")
                    : c.id().equals("conj:sample-trace") ? List.of("prop:sample-decomposition", "inst:sample-eigen")
                    : List.of();
            texts.add(new Claim(c.id(), c.title(), c.kind(), c.paperClaims(), c.expectedVerdict(), c.statement(),
                    c.assumptions(), c.proof(), c.source(), uses));
        }
        Results results = ResultsJson.parse(SampleReports.json(7, SampleSuite.checks()), "r.json");
        String page = HtmlReport.render(results, texts);
        int start = page.indexOf("<svg class=\"uses\"");
        assertTrue(start > 0, "the page has the graph");
        String svg = page.substring(start, page.indexOf("</svg>", start));
        assertEquals(3, svg.split("<line ", -1).length - 1, "one arrow per use");
        assertEquals(results.claims().size(), svg.split("<rect ", -1).length - 1, "one node per claim");
        for (ClaimOutcome c : results.claims()) {
            assertTrue(svg.contains("class=\"node v-" + c.verdict().name() + "\"") && svg.contains(
                    "fill=\"" + DependencyGraph.fill(c.verdict()) + "\""), c.id());
        }
        assertTrue(svg.contains("<title>conj:sample-trace uses inst:sample-eigen</title>"));
        assertTrue(!svg.contains("http://") || svg.indexOf("http://") == svg.indexOf("http://www.w3.org/2000/svg"),
                "no outside reference but the SVG namespace");
    }

    @Test
    void theGraphOfEveryClaimOfProofsFitsThePageAndEachArrowPointsUp() {
        List<Claim> claims = ClaimRegistry.load().claims();
        List<ClaimOutcome> outcomes = claims.stream().map(c -> new ClaimOutcome(c.id(), c.title(), c.kind(),
                c.paperClaims(), c.source(), c.expectedVerdict(), Verdict.NOT_RUN, "", List.of(), 0, null))
                .toList();
        Map<String, Claim> texts = new HashMap<>();
        claims.forEach(c -> texts.put(c.id(), c));
        String svg = DependencyGraph.svg(new Results(ResultsJson.parse(SampleReports.json(7, SampleSuite.checks()), "r.json").runs(), outcomes), texts);
        Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertTrue(size.find());
        int width = Integer.parseInt(size.group(1));
        assertTrue(width <= DependencyGraph.MAX_WIDTH, "the graph is " + width + " px wide, the page "
                + DependencyGraph.MAX_WIDTH);
        Matcher line = Pattern.compile("<line x1=\"\\d+\" y1=\"(\\d+)\" x2=\"\\d+\" y2=\"(\\d+)\"").matcher(svg);
        int arrows = 0;
        while (line.find()) {
            assertTrue(Integer.parseInt(line.group(2)) < Integer.parseInt(line.group(1)), "an arrow points up: "
                    + line.group());
            arrows++;
        }
        assertEquals(claims.stream().mapToLong(c -> c.uses().size()).sum(), arrows, "one arrow per use");
    }

    @Test
    void noGraphWhenNoClaimUsesAnother() {
        assertTrue(!SampleReports.page(7).contains("<svg class=\"uses\""));
    }
}
