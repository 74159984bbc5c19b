package org.advsharp.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the claim sections of proofs/*.md files into {@link Claim}s. One parser instance remembers
 * every id it has seen, so feeding it several files also rejects an id declared twice across files.
 *
 * <p>Format of one claim (a field value may continue on following lines indented by two spaces):
 * <pre>
 * ## prop:decomposition: The Hessian splits into a fixed-input part and a direction term
 *
 * - **Kind:** proposition
 * - **Paper:** P1, P2
 * - **Expected verdict:** VERIFIED
 * - **Statement:** For $w \neq 0$ ...
 * - **Assumptions:** Labels in ...
 * - **Uses:** lem:closed-form-loss, prop:hessian
 *
 * ### Proof
 *
 * ... the proof, up to the next "## " heading ...
 * </pre>
 * Proved kinds (lemma, proposition, theorem, instrument) need {@code ### Proof}, counterexample claims
 * {@code ### Why it can fail}, conjectures and empirical claims {@code ### Status and evidence}. Text
 * before the first {@code ## } heading (a {@code # } title and an introduction) is not a claim. Inside
 * a section use {@code ####} for sub-headings. Every problem is a {@link ClaimFormatException} naming
 * the file, the line and the problem.
 */
public final class ClaimParser {
    /** The form of a claim id: its kind's prefix, a colon, words of [a-z0-9] joined by single hyphens. */
    private static final String ID = "(?:lem|prop|thm|rem|conj|exp|inst):[a-z0-9]+(?:-[a-z0-9]+)*";

    /** Claim ids: a kind prefix, a colon, lower-case words joined by hyphens. */
    public static final Pattern ID_PATTERN = Pattern.compile("^" + ID + "$");

    /** A claim id inside text (an explanation, a proof), where the report links it: the same form as an id. */
    public static final Pattern ID_IN_TEXT = Pattern.compile("\\b" + ID);

    /**
     * The field naming the claims a claim's proof or argument relies on: "none" or claim ids separated by
     * commas (backticks allowed). It is required, so that a new claim cannot leave its dependencies unsaid; a
     * claim that relies on no other claim says "none". Whether the named claims exist and form no circle is
     * checked over all files by {@link ClaimUses}.
     */
    public static final String USES = "Uses";

    /** Field names, in the order they are validated. All are required. */
    public static final List<String> FIELDS =
            List.of("Kind", "Paper", "Expected verdict", "Statement", "Assumptions", USES);

    /** Allowed values of the Paper field: the paper's headline claims, or "none" alone. */
    public static final Set<String> PAPER_VALUES = Set.of("P1", "P2", "P3", "P4", "none");

    /** Section heading of proved claims. */
    public static final String PROOF = "Proof";
    /** Section heading of counterexample claims. */
    public static final String WHY_IT_CAN_FAIL = "Why it can fail";
    /** Section heading of conjectures and empirical claims. */
    public static final String STATUS_AND_EVIDENCE = "Status and evidence";

    private static final Pattern FIELD_LINE = Pattern.compile("^- \\*\\*([^*]+?):\\*\\*(.*)$");
    private static final String CONTINUATION = "  ";

    private final Map<String, String> declaredAt = new HashMap<>();

    /** The section heading (without "### ") that a claim of this kind must have. */
    public static String requiredSection(ClaimKind kind) {
        if (kind.isProved()) {
            return PROOF;
        }
        return kind == ClaimKind.COUNTEREXAMPLE ? WHY_IT_CAN_FAIL : STATUS_AND_EVIDENCE;
    }

    /**
     * Parses one file; ids must be new to this parser.
     *
     * @param fileName the name used in error messages and as {@link Claim#source()}, e.g. "proofs/attack.md"
     * @param text     the file's content
     * @return the claims in file order (never empty)
     * @throws ClaimFormatException if the text breaks the format
     */
    public List<Claim> parse(String fileName, String text) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("fileName must be a non-blank name, got '" + fileName + "'");
        }
        if (text == null) {
            throw new IllegalArgumentException("text of " + fileName + " is null");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Claim> claims = new ArrayList<>();
        Section current = null;
        boolean inFence = false;
        int fenceLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            boolean inFields = current != null && current.sectionHeading == null;
            if (!inFields && isFence(line)) {
                inFence = !inFence;
                fenceLine = number;
            }
            if (inFence && !inFields) {
                if (current != null) {
                    current.body.add(line);
                }
                continue;
            }
            if (line.startsWith("## ")) {
                if (current != null) {
                    claims.add(current.toClaim());
                }
                current = startSection(fileName, number, line.substring(3));
            } else if (current == null) {
                continue; // title and introduction before the first claim
            } else if (inFields) {
                current.readFieldLine(line, number);
            } else if (line.startsWith("### ")) {
                throw new ClaimFormatException(fileName, number, "claim '" + current.id + "' already has its '### "
                        + current.sectionHeading + "' section; use '####' for sub-headings inside it, found '"
                        + line.trim() + "'");
            } else {
                current.body.add(line);
            }
        }
        if (inFence) {
            throw new ClaimFormatException(fileName, fenceLine, "code fence is never closed");
        }
        if (current != null) {
            claims.add(current.toClaim());
        }
        if (claims.isEmpty()) {
            throw new ClaimFormatException(fileName, 1, "no claims found; a claim starts with a heading "
                    + "'## <id>: <title>'");
        }
        return claims;
    }

    private Section startSection(String file, int number, String heading) {
        int sep = heading.indexOf(": ");
        if (sep < 0) {
            throw new ClaimFormatException(file, number, "a claim heading must read '## <id>: <title>', found '## "
                    + heading + "'");
        }
        String id = heading.substring(0, sep).trim();
        String title = heading.substring(sep + 2).trim();
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new ClaimFormatException(file, number, "claim id '" + id + "' does not match "
                    + ID_PATTERN.pattern());
        }
        if (title.isEmpty()) {
            throw new ClaimFormatException(file, number, "claim '" + id + "' has an empty title");
        }
        String previous = declaredAt.putIfAbsent(id, file + ":" + number);
        if (previous != null) {
            throw new ClaimFormatException(file, number, "duplicate claim id '" + id + "' (already declared at "
                    + previous + ")");
        }
        return new Section(file, number, id, title);
    }

    private static boolean isFence(String line) {
        String stripped = line.stripLeading();
        return line.length() - stripped.length() <= 3 && (stripped.startsWith("```") || stripped.startsWith("~~~"));
    }

    /** One claim while it is being read. */
    private static final class Section {
        private final String file;
        private final int headingLine;
        private final String id;
        private final String title;
        private final Map<String, StringBuilder> values = new LinkedHashMap<>();
        private final Map<String, Integer> fieldLines = new HashMap<>();
        private final List<String> body = new ArrayList<>();
        private String openField;
        private int pendingBlankLines;
        private String sectionHeading;
        private int sectionLine;

        Section(String file, int headingLine, String id, String title) {
            this.file = file;
            this.headingLine = headingLine;
            this.id = id;
            this.title = title;
        }

        void readFieldLine(String line, int number) {
            Matcher field = FIELD_LINE.matcher(line);
            if (line.isBlank()) {
                pendingBlankLines++;
            } else if (field.matches()) {
                String name = field.group(1).trim();
                if (!FIELDS.contains(name)) {
                    throw error(number, "unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS));
                }
                if (values.containsKey(name)) {
                    throw error(number, "field '" + name + "' given twice (first at line " + fieldLines.get(name) + ")");
                }
                values.put(name, new StringBuilder(field.group(2).trim()));
                fieldLines.put(name, number);
                openField = name;
                pendingBlankLines = 0;
            } else if (line.startsWith(CONTINUATION) && openField != null) {
                StringBuilder value = values.get(openField);
                value.append("\n".repeat(pendingBlankLines + (value.length() > 0 ? 1 : 0)))
                        .append(line.substring(CONTINUATION.length()));
                pendingBlankLines = 0;
            } else if (line.startsWith("### ")) {
                sectionHeading = line.substring(4).trim();
                sectionLine = number;
                if (!List.of(PROOF, WHY_IT_CAN_FAIL, STATUS_AND_EVIDENCE).contains(sectionHeading)) {
                    throw error(number, "unknown section heading '### " + sectionHeading + "'; expected '### "
                            + PROOF + "', '### " + WHY_IT_CAN_FAIL + "' or '### " + STATUS_AND_EVIDENCE + "'");
                }
            } else {
                throw error(number, "unexpected text in the fields of claim '" + id + "': a field line reads "
                        + "'- **Name:** value' and its continuation lines are indented by two spaces");
            }
        }

        Claim toClaim() {
            for (String name : FIELDS) {
                String hint = name.equals(USES) ? "; a claim that relies on no other claim says '- **" + USES
                        + ":** none'" : "";
                if (!values.containsKey(name)) {
                    throw error(headingLine, "claim '" + id + "' has no '- **" + name + ":**' field" + hint);
                }
                if (values.get(name).toString().isBlank()) {
                    throw error(fieldLines.get(name), "field '" + name + "' of claim '" + id + "' is empty" + hint);
                }
            }
            ClaimKind kind = parseValue("Kind", ClaimKind::parse);
            Verdict expected = parseValue("Expected verdict", Verdict::parse);
            if (expected != kind.naturalVerdict()) {
                throw error(fieldLines.get("Expected verdict"), "expected verdict " + expected.label()
                        + " is inconsistent with kind " + kind.name().toLowerCase(Locale.ROOT)
                        + ", whose verdict is " + kind.naturalVerdict().label());
            }
            List<String> paper = parsePaper();
            String required = requiredSection(kind);
            if (sectionHeading == null) {
                throw error(headingLine, "claim '" + id + "' of kind " + kind.name().toLowerCase(Locale.ROOT)
                        + " needs a '### " + required + "' section");
            }
            if (!sectionHeading.equals(required)) {
                throw error(sectionLine, "claim '" + id + "' of kind " + kind.name().toLowerCase(Locale.ROOT)
                        + " needs '### " + required + "', not '### " + sectionHeading + "'");
            }
            String text = String.join("\n", body).strip();
            if (text.isEmpty()) {
                throw error(sectionLine, "the '### " + sectionHeading + "' section of claim '" + id + "' is empty");
            }
            return new Claim(id, title, kind, paper, expected, value("Statement"), value("Assumptions"), text, file,
                    parseUses(id));
        }

        private List<String> parsePaper() {
            int line = fieldLines.get("Paper");
            List<String> result = new ArrayList<>();
            List<String> items = List.of(value("Paper").split("\\s*,\\s*", -1));
            for (String item : items) {
                if (!PAPER_VALUES.contains(item)) {
                    throw error(line, "Paper value '" + item + "' is not one of P1, P2, P3, P4, none");
                }
                if (item.equals("none") && items.size() > 1) {
                    throw error(line, "Paper value 'none' cannot be combined with other values");
                }
                if (result.contains(item)) {
                    throw error(line, "Paper value '" + item + "' is listed twice");
                }
                if (!item.equals("none")) {
                    result.add(item);
                }
            }
            return result;
        }

        private List<String> parseUses(String id) {
            int line = fieldLines.get(USES);
            String text = value(USES);
            if (text.equals("none")) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (String item : text.split("\\s*,\\s*", -1)) {
                String used = item.replace("`", "").strip();
                if (!ID_PATTERN.matcher(used).matches()) {
                    throw error(line, USES + " value '" + item + "' is not a claim id");
                }
                if (used.equals(id)) {
                    throw error(line, "claim '" + id + "' uses itself");
                }
                if (result.contains(used)) {
                    throw error(line, USES + " value '" + used + "' is listed twice");
                }
                result.add(used);
            }
            return result;
        }

        private <T> T parseValue(String name, Function<String, T> parser) {
            try {
                return parser.apply(value(name));
            } catch (IllegalArgumentException e) {
                throw error(fieldLines.get(name), e.getMessage());
            }
        }

        private String value(String name) {
            return values.get(name).toString().strip();
        }

        private ClaimFormatException error(int line, String problem) {
            return new ClaimFormatException(file, line, problem);
        }
    }
}
