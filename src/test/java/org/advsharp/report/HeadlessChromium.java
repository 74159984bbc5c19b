package org.advsharp.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a report in headless Chromium to prove that it renders: no script error, no console error or
 * warning, no failed load, every math span typeset by KaTeX without a KaTeX error, no math left
 * untypeset in the text (a {@code $} or a TeX command such as {@code \lambda} outside code, after KaTeX
 * ran: a span the Markdown step did not recognise), and no number broken across lines. Also takes
 * screenshots for the README. Used by the tests only (the build's render check), so it lives under
 * {@code src/test}.
 *
 * <p>How errors are caught: a copy of the page gets a collector script as the first element of its head
 * (window error and unhandledrejection events, console.error and console.warn); on the load event it
 * writes what it collected into the DOM, which {@code --dump-dom} prints. Chromium's own log
 * ({@code --enable-logging=stderr}) is read as a second witness: every CONSOLE line counts. The browser
 * runs with a fresh profile folder and with background networking, component updates and sync off.
 */
public final class HeadlessChromium {

    /** Environment variable that may name the browser binary; otherwise PATH is searched. */
    public static final String BROWSER_ENV = "ADVSHARP_CHROMIUM";

    /** Longest a browser run may take (a cold start on two cores takes a few seconds). */
    private static final long TIMEOUT_SECONDS = 120;

    /** Virtual time the page gets to run its scripts before the DOM is dumped. */
    private static final int VIRTUAL_TIME_BUDGET_MS = 10_000;

    private static final String[] NAMES = {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"};
    private static final Pattern RESULT = Pattern.compile("<pre id=\"advsharp-console\">(.*?)</pre>", Pattern.DOTALL);

    private final Path binary;

    /**
     * What the browser saw.
     *
     * @param problems    script errors, console errors and warnings, failed loads, KaTeX errors
     * @param mathSpans   math spans on the page
     * @param mathRendered math spans the page's script handed to KaTeX (-1 if it never ran)
     */
    public record RenderCheck(List<String> problems, int mathSpans, int mathRendered) {
        public boolean clean() {
            return problems.isEmpty() && mathRendered == mathSpans;
        }
    }

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser named by {@value #BROWSER_ENV} or found on PATH, if any. */
    public static Optional<HeadlessChromium> find() {
        String named = System.getenv(BROWSER_ENV);
        if (named != null && !named.isBlank() && Files.isExecutable(Path.of(named))) {
            return Optional.of(new HeadlessChromium(Path.of(named)));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** Loads {@code page} (a copy with the collector injected) and reports what went wrong, if anything. */
    public RenderCheck check(Path page) throws IOException {
        Path work = Files.createTempDirectory("advsharp-render-");
        try {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            int head = html.indexOf("<head>");
            if (head < 0) {
                throw new IOException(page + " has no <head>; not a report page");
            }
            String injected = html.substring(0, head + 6) + "<script>" + collector() + "</script>"
                    + html.substring(head + 6);
            Path copy = work.resolve(page.getFileName().toString());
            Files.writeString(copy, injected, StandardCharsets.UTF_8);
            Run run = run(work, "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS, "--dump-dom",
                    copy.toUri().toString());
            List<String> problems = new ArrayList<>();
            run.stderr.lines().filter(l -> l.contains(":CONSOLE")).forEach(l -> problems.add("browser log: " + l.trim()));
            Matcher m = RESULT.matcher(run.stdout);
            if (!m.find()) {
                problems.add("the page never reached its load event (no collector output; exit " + run.exit + ")");
                return new RenderCheck(problems, 0, -1);
            }
            String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
            var tree = new ObjectMapper().readTree(json);
            tree.get("errors").forEach(e -> problems.add(e.asText()));
            int katexErrors = tree.get("katexErrors").asInt();
            if (katexErrors > 0) {
                problems.add(katexErrors + " math span(s) KaTeX could not typeset (class katex-error)");
            }
            tree.get("brokenNumbers").forEach(t -> problems.add("a number broken across lines: " + t.asText()));
            tree.get("rawMath").forEach(t -> problems.add("untypeset math (a $ before a non-digit or a TeX "
                    + "command in the text outside code): " + t.asText()));
            return new RenderCheck(problems, tree.get("math").asInt(), tree.get("rendered").asInt(-1));
        } finally {
            deleteTree(work);
        }
    }

    /** Saves a PNG screenshot of the top of {@code page} at the given window size. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException {
        Path work = Files.createTempDirectory("advsharp-shot-");
        try {
            Path shot = work.resolve("shot.png");
            Run run = run(work, "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS, "--hide-scrollbars",
                    "--window-size=" + width + "," + height, "--screenshot=" + shot,
                    page.toAbsolutePath().toUri().toString());
            if (!Files.isRegularFile(shot)) {
                throw new IOException("chromium wrote no screenshot (exit " + run.exit + ")");
            }
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.copy(shot, png, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteTree(work);
        }
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + work.resolve("profile"), "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for chromium", e);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String collector() throws IOException {
        try (var in = HeadlessChromium.class.getResourceAsStream("console-collector.js")) {
            if (in == null) {
                throw new IOException("console-collector.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temp folder
        }
    }
}
