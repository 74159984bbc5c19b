package org.advsharp.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The versions of the libraries the evidence depends on, read from the classpath: first the Maven
 * {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}, then the manifest of the jar holding a class of
 * the library (Implementation-Version, then Bundle-Version). Classes are located as resources, never
 * loaded, so probing DJL does not start its engine.
 */
public final class LibraryVersions {

    /** One library: display name, Maven coordinates and a class file inside its jar. */
    private record Library(String name, String group, String artifact, String probeClass) {
    }

    private static final Library[] LIBRARIES = {
        new Library("EJML", "org.ejml", "ejml-ddense", "org/ejml/dense/row/CommonOps_DDRM.class"),
        new Library("Commons Math", "org.apache.commons", "commons-math3",
                "org/apache/commons/math3/linear/EigenDecomposition.class"),
        new Library("DJL", "ai.djl", "api", "ai/djl/Device.class"),
        new Library("DJL PyTorch engine", "ai.djl.pytorch", "pytorch-engine",
                "ai/djl/pytorch/engine/PtEngine.class"),
        new Library("Jackson", "com.fasterxml.jackson.core", "jackson-databind",
                "com/fasterxml/jackson/databind/ObjectMapper.class"),
        new Library("JFreeChart", "org.jfree", "jfreechart", "org/jfree/chart/JFreeChart.class"),
        new Library("JFreeSVG", "org.jfree", "org.jfree.svg", "org/jfree/svg/SVGGraphics2D.class"),
        new Library("commonmark", "org.commonmark", "commonmark", "org/commonmark/parser/Parser.class"),
        new Library("KaTeX (webjar)", "org.webjars.npm", "katex", null),
        new Library("picocli", "info.picocli", "picocli", "picocli/CommandLine.class"),
    };

    /** Returned for a library that is not on the classpath. */
    public static final String ABSENT = "not on the classpath";

    private LibraryVersions() {
    }

    /** Display name to version, in a fixed order; {@link #ABSENT} or "unknown" where not found. */
    public static Map<String, String> detect() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Library lib : LIBRARIES) {
            versions.put(lib.name(), versionOf(lib.group(), lib.artifact(), lib.probeClass()));
        }
        return versions;
    }

    /** The version of one Maven artifact on the classpath. */
    public static String versionOf(String group, String artifact, String probeClass) {
        ClassLoader loader = LibraryVersions.class.getClassLoader();
        String pom = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(pom)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        if (probeClass == null) {
            return ABSENT;
        }
        URL url = loader.getResource(probeClass);
        if (url == null) {
            return ABSENT;
        }
        return manifestVersion(url, artifact);
    }

    /**
     * The manifest's version, else the version in the jar's file name ({@code ARTIFACT-VERSION.jar}, as
     * Maven names it; EJML's jars carry no version inside).
     */
    private static String manifestVersion(URL classUrl, String artifact) {
        try {
            if (!(classUrl.openConnection() instanceof JarURLConnection jar)) {
                return "unknown (not in a jar)";
            }
            jar.setUseCaches(false);
            Manifest manifest = jar.getManifest();
            if (manifest != null) {
                Attributes main = manifest.getMainAttributes();
                for (String key : new String[] {"Implementation-Version", "Bundle-Version"}) {
                    String v = main.getValue(key);
                    if (v != null && !v.isBlank()) {
                        return v.trim();
                    }
                }
            }
            String file = jar.getJarFileURL().getPath();
            file = file.substring(file.lastIndexOf('/') + 1);
            String prefix = artifact + "-";
            if (file.startsWith(prefix) && file.endsWith(".jar")) {
                return file.substring(prefix.length(), file.length() - 4) + " (from the jar's file name)";
            }
            return "unknown (no version in the jar's manifest or file name)";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
