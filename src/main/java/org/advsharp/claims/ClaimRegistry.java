package org.advsharp.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every claim of the suite, parsed from proofs/*.md: the single place claim text lives.
 *
 * <p>At run time the files are read from the classpath (the build copies {@code proofs/*.md} and
 * {@code proofs/INDEX} to {@code proofs/} in the classes directory and the jar). {@code proofs/INDEX}
 * lists the files, one name per line, in the order their claims are reported; a test keeps it equal
 * to the set of files in the directory. Reading an index instead of listing a directory works the
 * same from a directory, a jar, or any other class loader.
 */
public final class ClaimRegistry {

    /** Classpath folder of the claim files. */
    public static final String PROOFS_FOLDER = "proofs/";

    /** Classpath resource listing the claim files, one file name per line ('#' starts a comment). */
    public static final String INDEX_RESOURCE = PROOFS_FOLDER + "INDEX";

    private final List<Claim> claims;
    private final Map<String, Claim> byId;

    private ClaimRegistry(List<Claim> claims) {
        this.claims = List.copyOf(claims);
        Map<String, Claim> map = new LinkedHashMap<>();
        for (Claim claim : claims) {
            map.put(claim.id(), claim);
        }
        this.byId = map;
    }

    /**
     * Loads the claims shipped with the suite from the classpath.
     *
     * @throws IllegalStateException if the index or a file it names is missing from the classpath
     * @throws ClaimFormatException  if a file breaks the claim format
     */
    public static ClaimRegistry load() {
        return load(ClaimRegistry.class.getClassLoader());
    }

    /** Loads the claims with the given class loader; see {@link #load()}. */
    public static ClaimRegistry load(ClassLoader loader) {
        if (loader == null) {
            throw new IllegalArgumentException("class loader is null");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : indexEntries(read(loader, INDEX_RESOURCE, "the index of proofs/ files"))) {
            files.put(PROOFS_FOLDER + name, read(loader, PROOFS_FOLDER + name, "listed in " + INDEX_RESOURCE));
        }
        return parse(files);
    }

    /**
     * Parses the given files, in the map's iteration order (use a LinkedHashMap to fix it).
     *
     * @param fileNameToText file name (used in errors and as {@link Claim#source()}) to content
     * @throws ClaimFormatException if a file breaks the format or an id is declared twice across files
     */
    public static ClaimRegistry parse(Map<String, String> fileNameToText) {
        if (fileNameToText == null || fileNameToText.isEmpty()) {
            throw new IllegalArgumentException("no proofs/ files given to parse");
        }
        ClaimParser parser = new ClaimParser();
        List<Claim> all = new ArrayList<>();
        for (Map.Entry<String, String> file : fileNameToText.entrySet()) {
            all.addAll(parser.parse(file.getKey(), file.getValue()));
        }
        return new ClaimRegistry(all);
    }

    /**
     * The file names an index lists: one per line, surrounding blanks ignored, empty lines and lines
     * starting with '#' skipped. Each must be a plain file name ending in ".md", listed once.
     */
    public static List<String> indexEntries(String indexText) {
        if (indexText == null) {
            throw new IllegalArgumentException("index text is null");
        }
        List<String> names = new ArrayList<>();
        String[] lines = indexText.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.endsWith(".md") || name.contains("/") || name.contains("\\")) {
                throw new ClaimFormatException(INDEX_RESOURCE, i + 1, "'" + name
                        + "' is not a plain file name ending in .md");
            }
            if (names.contains(name)) {
                throw new ClaimFormatException(INDEX_RESOURCE, i + 1, "'" + name + "' is listed twice");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new ClaimFormatException(INDEX_RESOURCE, 1, "the index lists no files");
        }
        return names;
    }

    /** All claims, in index order and, within a file, in file order. */
    public List<Claim> claims() {
        return claims;
    }

    /** All claim ids, in the order of {@link #claims()}. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The claim with this id, if there is one. */
    public Optional<Claim> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The claim with this id.
     *
     * @throws IllegalArgumentException naming the id and the known ids if there is none
     */
    public Claim get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown claim id '" + id
                + "'; known ids: " + String.join(", ", byId.keySet())));
    }

    private static String read(ClassLoader loader, String resource, String what) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " (" + what + ") is missing; "
                        + "the build copies proofs/ into the classes directory");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }
}
