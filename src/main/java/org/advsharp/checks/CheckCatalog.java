package org.advsharp.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.advsharp.check.Check;

/**
 * Every check of the suite, discovered: each public class in the packages under {@code org.advsharp.checks}
 * with a {@code public static List<Check> checks()} method registers its checks there, each with the claim
 * id it is evidence for (typed once, at registration). Nothing lists the classes by hand, so a new check
 * family cannot be left out of the run, the report or the tests. The test suite and the command-line tool
 * both take their checks from here; the consistency gate compares them with proofs/.
 *
 * <p>Families are taken in the order of their class names; the run orders claims by proofs/ and each
 * claim's checks in the order its family registers them.
 */
public final class CheckCatalog {

    /** The package whose sub-packages hold the check families. */
    static final String ROOT = "org.advsharp.checks";

    private CheckCatalog() {
    }

    public static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        for (Class<?> family : families()) {
            checks.addAll(checksOf(family));
        }
        return Collections.unmodifiableList(checks);
    }

    /** The classes that register checks, by name. */
    public static List<Class<?>> families() {
        List<Class<?>> families = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, CheckCatalog.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("check catalog: class " + name + " was listed but cannot be loaded", e);
            }
            if (Modifier.isPublic(type.getModifiers()) && registrar(type) != null) {
                families.add(type);
            }
        }
        if (families.isEmpty()) {
            throw new IllegalStateException("check catalog: no check family found under " + ROOT);
        }
        return families;
    }

    @SuppressWarnings("unchecked")
    private static List<Check> checksOf(Class<?> family) {
        try {
            return (List<Check>) registrar(family).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("check catalog: " + family.getName() + ".checks() failed", e);
        }
    }

    private static Method registrar(Class<?> type) {
        try {
            Method m = type.getMethod("checks");
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            return isStatic && List.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Names of the top-level classes in the sub-packages of {@link #ROOT}, from folders or a jar. */
    private static TreeSet<String> classNames() {
        String path = ROOT.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = CheckCatalog.class.getClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.map(p -> dir.relativize(p).toString().replace('\\', '/'))
                                .filter(CheckCatalog::isFamilyCandidate)
                                .forEach(f -> names.add(ROOT + "." + f.substring(0, f.length() - 6).replace('/', '.')));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (entry.startsWith(path + "/") && isFamilyCandidate(entry.substring(path.length() + 1))) {
                                names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("check catalog: cannot list " + path + " on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("check catalog: bad class path entry for " + path, e);
        }
        return names;
    }

    /** A top-level class in a sub-package (families live in checks.attack, checks.hessian, ...). */
    private static boolean isFamilyCandidate(String relative) {
        return relative.endsWith(".class") && relative.contains("/") && !relative.contains("$");
    }
}
