package org.advsharp.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KaTeX's script and style sheet from the {@code org.webjars.npm:katex} jar, made self-contained for the
 * report: every font the CSS refers to is embedded as a {@code data:font/woff2;base64,...} URI (the
 * woff and ttf fallbacks are dropped; every browser that runs KaTeX reads woff2), so the page needs no
 * network and no files beside it.
 */
final class KatexAssets {

    private static final String POM = "META-INF/maven/org.webjars.npm/katex/pom.properties";

    /** One {@code src:} list of a @font-face rule: the woff2 URL and whatever follows up to the brace. */
    private static final Pattern FONT_SOURCES =
            Pattern.compile("src:url\\(fonts/([A-Za-z0-9_-]+)\\.woff2\\) format\\(\"woff2\"\\)[^;}]*");

    private static volatile KatexAssets loaded;

    final String version;
    final String script;
    final String css;

    private KatexAssets(String version, String script, String css) {
        this.version = version;
        this.script = script;
        this.css = css;
    }

    /** Loads (once) the assets from the classpath. */
    static KatexAssets get() {
        KatexAssets a = loaded;
        if (a == null) {
            synchronized (KatexAssets.class) {
                if (loaded == null) {
                    loaded = load();
                }
                a = loaded;
            }
        }
        return a;
    }

    private static KatexAssets load() {
        Properties pom = new Properties();
        try (InputStream in = open(POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("KaTeX webjar: cannot read " + POM, e);
        }
        String version = pom.getProperty("version");
        String dist = "META-INF/resources/webjars/katex/" + version + "/dist/";
        String script = text(dist + "katex.min.js").replace("</script", "<\\/script");
        String css = text(dist + "katex.min.css");
        Matcher m = FONT_SOURCES.matcher(css);
        StringBuilder out = new StringBuilder();
        int fonts = 0;
        while (m.find()) {
            byte[] font = bytes(dist + "fonts/" + m.group(1) + ".woff2");
            String uri = "data:font/woff2;base64," + Base64.getEncoder().encodeToString(font);
            m.appendReplacement(out, Matcher.quoteReplacement("src:url(" + uri + ") format(\"woff2\")"));
            fonts++;
        }
        m.appendTail(out);
        String inlined = out.toString();
        if (fonts == 0 || inlined.contains("url(fonts/")) {
            throw new IllegalStateException("KaTeX " + version + ": the style sheet's font references "
                    + "changed shape; " + fonts + " inlined, some left pointing at files");
        }
        return new KatexAssets(version, script, inlined);
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("KaTeX webjar: cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = KatexAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the classpath (is org.webjars.npm:katex a dependency?)");
        }
        return in;
    }
}
