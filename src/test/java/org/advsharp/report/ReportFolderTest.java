package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(String index, String results) {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("results.json", results.getBytes(StandardCharsets.UTF_8));
        f.put("index.html", index.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsTheFolderAndReplacesOurFilesWhileKeepingOthers() throws IOException {
        Path reports = tmp.resolve("out/reports");
        ReportFolder.replace(reports, files("old page", "{\"old\":1}"));
        Files.writeString(reports.resolve("README.md"), "kept");
        Files.createDirectories(reports.resolve("gpu"));
        Files.writeString(reports.resolve("gpu/run.json"), "gpu evidence");

        ReportFolder.replace(reports, files("new page", "{\"new\":1}"));

        assertEquals("new page", Files.readString(reports.resolve("index.html")));
        assertEquals("{\"new\":1}", Files.readString(reports.resolve("results.json")));
        assertEquals("kept", Files.readString(reports.resolve("README.md")));
        assertEquals("gpu evidence", Files.readString(reports.resolve("gpu/run.json")));
        assertEquals(List.of("reports"), entries(tmp.resolve("out")), "no staging or old folder is left behind");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(reports)));
    }

    @Test
    void aFailureWhileWritingLeavesThePreviousReportIntact() throws IOException {
        Path reports = tmp.resolve("reports");
        ReportFolder.replace(reports, files("old page", "old results"));
        byte[] before = Files.readAllBytes(reports.resolve("index.html"));
        Map<String, byte[]> broken = files("new page", "new results");
        broken.put("no-such-folder/file.txt", new byte[1]);

        IOException e = assertThrows(IOException.class, () -> ReportFolder.replace(reports, broken));

        assertTrue(e.getMessage().contains("previous report kept"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(reports.resolve("index.html")));
        assertEquals("old results", Files.readString(reports.resolve("results.json")));
        assertEquals(List.of("reports"), entries(tmp));
    }

    @Test
    void aTargetThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("reports"), "a file");
        IOException e = assertThrows(IOException.class, () -> ReportFolder.replace(file, files("x", "y")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void aParentThatCannotBeCreatedIsAClearError() throws IOException {
        Files.writeString(tmp.resolve("blocker"), "a file");
        IOException e = assertThrows(IOException.class,
                () -> ReportFolder.replace(tmp.resolve("blocker/reports"), files("x", "y")));
        assertTrue(e.getMessage().startsWith("report folder ") && e.getMessage().contains("blocker"), e.getMessage());
    }
}
