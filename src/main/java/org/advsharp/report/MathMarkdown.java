package org.advsharp.report;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown with TeX to HTML: the claims' statements, assumptions and proofs.
 *
 * <p>Markdown would mangle TeX ({@code a_1 b_2} becomes emphasis, {@code \{} loses its backslash), so the
 * math spans are cut out before commonmark sees the text and put back afterwards as
 * {@code <span class="math" data-display="true|false">TeX, HTML-escaped</span>}; the page's script
 * typesets each span with KaTeX, and without script the raw TeX stays readable.
 *
 * <p>Spans: {@code $$...$$} is display math (may cross lines); {@code $...$} is inline math within one
 * paragraph (it may cross a single line break, as a long statement wrapped in {@code proofs/} does, but
 * not a blank line), where the opening $ is not followed by white space and the closing $ not preceded by
 * any (so "costs $5 and $6" stays text). {@code \$} is a literal dollar. Nothing inside code spans or fenced code blocks is
 * math. Raw HTML in the Markdown is escaped, not passed through.
 */
public final class MathMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    /** Placeholder around the index of a cut-out span: letters and digits only, so Markdown leaves it. */
    private static final String MARK = "MATHSPANQ";

    private MathMarkdown() {
    }

    /** Renders Markdown with TeX math spans to an HTML fragment. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String[]> spans = new ArrayList<>();
        String protectedText = protect(markdown.replace("\r\n", "\n"), spans);
        String html = RENDERER.render(PARSER.parse(protectedText));
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (true) {
            int at = html.indexOf(MARK, i);
            if (at < 0) {
                out.append(html, i, html.length());
                break;
            }
            int end = html.indexOf(MARK, at + MARK.length());
            int index = Integer.parseInt(html.substring(at + MARK.length(), end));
            out.append(html, i, at);
            String[] span = spans.get(index);
            out.append("<span class=\"math\" data-display=\"").append(span[0]).append("\">")
                    .append(Html.escape(span[1])).append("</span>");
            i = end + MARK.length();
        }
        return out.toString();
    }

    /** Replaces math spans by placeholders, collecting {display flag, TeX} pairs. */
    static String protect(String text, List<String[]> spans) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inFence = false;
        String fence = null;
        int i = 0;
        while (i < text.length()) {
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (lineStart) {
                String line = lineAt(text, i).stripLeading();
                if (line.startsWith("```") || line.startsWith("~~~")) {
                    String marker = line.substring(0, 3);
                    if (!inFence) {
                        inFence = true;
                        fence = marker;
                    } else if (marker.equals(fence)) {
                        inFence = false;
                    }
                }
            }
            char c = text.charAt(i);
            if (inFence) {
                out.append(c);
                i++;
                continue;
            }
            if (c == '`') {
                int run = runLength(text, i, '`');
                int close = text.indexOf("`".repeat(run), i + run);
                int stop = close < 0 ? i + run : close + run;
                out.append(text, i, stop);
                i = stop;
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append("\\$");
                i += 2;
                continue;
            }
            if (c == '$' && text.startsWith("$$", i)) {
                int close = text.indexOf("$$", i + 2);
                if (close > i + 2) {
                    out.append(mark(spans, true, text.substring(i + 2, close).trim()));
                    i = close + 2;
                    continue;
                }
            } else if (c == '$') {
                int close = inlineClose(text, i);
                if (close > 0) {
                    out.append(mark(spans, false, text.substring(i + 1, close)));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The index of the $ closing an inline span opened at {@code open}, or -1 (none before a blank line). */
    private static int inlineClose(String text, int open) {
        if (open + 1 >= text.length() || Character.isWhitespace(text.charAt(open + 1))) {
            return -1;
        }
        for (int j = open + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n' && lineAt(text, j + 1).isBlank()) {
                return -1;
            }
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '$') {
                return Character.isWhitespace(text.charAt(j - 1)) ? -1 : j;
            }
        }
        return -1;
    }

    private static String mark(List<String[]> spans, boolean display, String tex) {
        spans.add(new String[] {Boolean.toString(display), tex});
        return MARK + (spans.size() - 1) + MARK;
    }

    private static String lineAt(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int runLength(String text, int start, char c) {
        int j = start;
        while (j < text.length() && text.charAt(j) == c) {
            j++;
        }
        return j - start;
    }
}
