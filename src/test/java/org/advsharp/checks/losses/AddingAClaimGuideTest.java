package org.advsharp.checks.losses;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.checks.CheckCatalog;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.Test;

/**
 * Follows docs/adding-a-claim.md: its worked example is a claim of the catalogue with the check the guide
 * shows, in a class of its own that is line for line the class the guide shows and that the family file lists
 * with the line the guide shows; the claim text it quotes is in proofs/losses.md word for word, and every
 * class and test it names exists.
 */
class AddingAClaimGuideTest {

    private static final Path GUIDE = Path.of("docs/adding-a-claim.md");

    private static String guide() throws IOException {
        return Files.readString(GUIDE);
    }

    /** The fenced blocks of the guide with the given info string ("markdown", "java", ""). */
    private static List<String> blocks(String text, String info) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```" + info + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String exampleId(String text) {
        Matcher m = Pattern.compile("worked example is a real claim of the catalogue, `([a-z]+:[a-z0-9-]+)`").matcher(text);
        assertTrue(m.find(), "the guide names its worked example");
        return m.group(1);
    }

    /** The one group of {@code regex} in the guide's text; fails naming {@code what} where it is missing. */
    private static String the(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "the guide shows " + what);
        return m.group(1);
    }

    @Test
    void theWorkedExampleIsAClaimOfTheCatalogueWithTheCheckTheGuideShows() throws IOException {
        String text = guide();
        String id = exampleId(text);
        Claim claim = ClaimRegistry.load().get(id);
        assertEquals("proofs/losses.md", claim.source());
        String checkId = the(text, "String id\\(\\) \\{\\s*return \"([a-z0-9-]+)\";", "the check's id");
        assertEquals(id, the(text, "String claimId\\(\\) \\{\\s*return \"([a-z]+:[a-z0-9-]+)\";", "the claim id"));
        String className = the(text, "\nfinal class ([A-Za-z]+) implements Check \\{", "the class of the claim");
        List<Check> registered = CheckCatalog.all().stream().filter(c -> c.id().equals(checkId)).toList();
        assertEquals(1, registered.size(), "check " + checkId + " is in the catalogue");
        assertEquals(id, registered.get(0).claimId());
        assertEquals(className, registered.get(0).getClass().getSimpleName(), "the check is an instance of the class shown");
        assertFalse(Modifier.isPublic(registered.get(0).getClass().getModifiers()), "the class of a claim is not public");
        assertTrue(text.contains("./advsharp verify --claims " + id), "the guide replays its own example");
    }

    @Test
    void theExampleIsListedInTheFamilyFileAsTheGuideShows() throws IOException {
        String text = guide();
        String family = the(text, "`checks/losses/([A-Z][A-Za-z]+)` for `proofs/losses.md`", "the family file");
        Class<?> registrar = CheckCatalog.families().stream().filter(f -> f.getSimpleName().equals(family))
                .findFirst().orElse(null);
        assertTrue(registrar != null, family + " is a family file of the catalogue");
        String line = the(text, "```java\n(checks\\.add\\(new [A-Za-z]+\\(\\)\\);)\n```", "the family file's line");
        String source = Files.readString(Path.of("src/main/java/org/advsharp/checks/losses/" + family + ".java"));
        assertTrue(source.contains(line), family + " lists the example as the guide shows: " + line);
        String className = the(text, "\nfinal class ([A-Za-z]+) implements Check \\{", "the class of the claim");
        assertTrue(line.contains("new " + className + "()"), "the family file's line makes the example's class: " + line);
    }

    @Test
    void theExamplesClassIsTheClassTheGuideShows() throws IOException {
        String text = guide();
        String className = the(text, "\nfinal class ([A-Za-z]+) implements Check \\{", "the class of the claim");
        String source = Files.readString(Path.of("src/main/java/org/advsharp/checks/losses/" + className + ".java"));
        String shown = blocks(text, "java").get(0);
        int lines = 0;
        for (String line : shown.split("\n")) {
            if (!line.isBlank() && !line.startsWith("/**")) {
                assertTrue(source.contains(line + "\n"), className + ".java lacks the line the guide shows: " + line);
                lines++;
            }
        }
        assertTrue(lines >= 20, "the guide shows the whole class; " + lines + " lines");
    }

    @Test
    void theQuotedClaimTextIsInProofsWordForWord() throws IOException {
        String proofs = Files.readString(Path.of("proofs/losses.md"));
        List<String> quoted = blocks(guide(), "markdown");
        assertFalse(quoted.isEmpty());
        for (String line : quoted.get(0).split("\n")) {
            if (!line.isBlank()) {
                assertTrue(proofs.contains(line), "proofs/losses.md lacks the quoted line: " + line);
            }
        }
    }

    @Test
    void everyClassTheSnippetsImportOrNameExists() throws IOException {
        String text = guide();
        int checked = 0;
        for (String block : blocks(text, "java")) {
            Matcher imports = Pattern.compile("import (org\\.advsharp\\.[A-Za-z.]+);").matcher(block);
            while (imports.find()) {
                String name = imports.group(1);
                assertDoesNotThrow(() -> Class.forName(name), name);
                checked++;
            }
        }
        // Classes named as package/Class in backticks, e.g. `claims/VerdictRule`.
        Matcher paths = Pattern.compile("`([a-z]+(?:/[a-z]+)*/[A-Z][a-z][A-Za-z]+)`").matcher(text);
        while (paths.find()) {
            String name = "org.advsharp." + paths.group(1).replace('/', '.');
            assertDoesNotThrow(() -> Class.forName(name), name);
            checked++;
        }
        assertTrue(checked >= 10, "the guide names at least ten classes; checked " + checked);
    }

    @Test
    void everyTestTheGuideNamesExists() throws IOException {
        String text = guide();
        List<String> tests = new ArrayList<>();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z]+Test)(?:\\.([a-zA-Z]+))?`").matcher(text);
        while (m.find()) {
            tests.add(m.group(1) + (m.group(2) == null ? "" : "#" + m.group(2)));
        }
        assertTrue(tests.size() >= 5, tests.toString());
        for (String test : tests) {
            String simple = test.split("#")[0];
            Path file;
            try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
                file = files.filter(p -> p.getFileName().toString().equals(simple + ".java")).findFirst().orElse(null);
            }
            assertTrue(file != null, "no test class " + simple);
            if (test.contains("#")) {
                assertTrue(Files.readString(file).contains("void " + test.split("#")[1] + "("), test);
            }
        }
    }
}
