package org.advsharp.checks.deep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.claims.Claim;

/**
 * The pin of a committed study record in proofs/: one line in the study claim's evidence section,
 *
 * <pre>Record pin: `reports/records/NAME.json` SHA-256 `HEX`; recorded verdict: VERDICT.</pre>
 *
 * giving the SHA-256 of the record file's bytes and the verdict its cells gave when it was committed. The build
 * recomputes both (the hash of the file, the verdict from the cells), and a difference in either is a failed
 * check, so a record cannot be edited, reordered or replaced without the edit showing in proofs/.
 *
 * @param path    the record, relative to the project root
 * @param sha256  lower-case hex SHA-256 of its bytes
 * @param verdict the recorded verdict's label (SUPPORTED, COUNTEREXAMPLE or INCONCLUSIVE)
 */
public record RecordPin(String path, String sha256, String verdict) {

    /** The line's form; the claim's evidence text may hold at most one. */
    static final Pattern LINE = Pattern.compile(
            "Record pin: `([^`]+)` SHA-256 `([0-9a-f]{64})`; recorded verdict: ([A-Z]+)\\.");

    /**
     * The pin in a claim's evidence text, if it has one.
     *
     * @throws IllegalArgumentException if the text holds more than one pin
     */
    public static Optional<RecordPin> of(Claim claim) {
        String text = claim.proof() == null ? "" : claim.proof().replaceAll("\\s+", " ");
        Matcher m = LINE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        RecordPin pin = new RecordPin(m.group(1), m.group(2), m.group(3));
        if (m.find()) {
            throw new IllegalArgumentException("claim " + claim.id() + " pins more than one record");
        }
        return Optional.of(pin);
    }

    /** The pin's line for a record file as it is now. */
    public static String line(String path, Path file, String verdict) {
        return "Record pin: `" + path + "` SHA-256 `" + sha256(file) + "`; recorded verdict: " + verdict + ".";
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
