package org.advsharp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.checks.deep.StudyRecord;
import org.advsharp.claims.Claim;
import org.advsharp.claims.VerdictRule;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.RunRecord;

/**
 * Writes the record files of a ResNet18 study (exp:resnet-cpu-study, exp:resnet-fitted-study): a results document in the layout of
 * {@code reports/results.json} ({@link ResultsJson}: the claim with its verdict and the record check's evidence,
 * and the {@code run} section with the provenance) plus the {@value StudyRecord#RECORD_KEY} section that
 * {@link StudyRecord} defines and reads back. Shards of one configuration are joined by {@link #merge}.
 */
public final class StudyRecordFile {

    private StudyRecordFile() {
    }

    /**
     * The record of a (possibly partial) run as JSON text.
     *
     * @param registered the registered configuration (the shard's seeds are a subset of its seeds)
     * @param ran        the configuration that ran (the registered one, perhaps with fewer seeds)
     * @param cells      its runs
     * @param claim      the study's claim (from proofs/)
     * @param provenance captured when the run started
     * @param wallMillis wall time
     * @param deepHash   hash of the deep sources (null if unknown)
     */
    public static String write(StudyConfig registered, StudyConfig ran, List<StudyCell> cells, Claim claim,
                               RunRecord provenance, long wallMillis, String deepHash) {
        return toJson(StudyRecord.section(registered, ran, cells, claim, deepHash), claim, provenance, wallMillis);
    }

    private static String toJson(StudyRecord.Section section, Claim claim, RunRecord provenance, long wallMillis) {
        List<CheckResult> results = List.of(StudyRecord.result(section));
        ClaimOutcome outcome = ClaimOutcome.of(claim, VerdictRule.verdictOf(claim, results),
                VerdictRule.explain(claim, results), results);
        return ResultsJson.write(Results.of(provenance.withElapsedMillis(wallMillis), List.of(outcome)),
                StudyRecord.RECORD_KEY, section);
    }

    /**
     * Joins shards of one configuration: the configurations (apart from the seeds) must agree, no (seed, radius)
     * may appear twice; the result is complete when it holds every seed of the registered configuration.
     */
    public static String merge(List<Path> shards, StudyConfig registered, Claim claim, String command) {
        RunRecord provenance = null;
        List<StudyCell> cells = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        String hash = null;
        String preRegistration = null;
        long wall = 0;
        for (Path p : shards) {
            StudyRecord.Section s = StudyRecord.read(p);
            if (!registered.with(s.seeds(), s.radii()).toString().equals(s.configuration())
                    || !Arrays.equals(s.radii(), registered.radii())) {
                throw new IllegalArgumentException(p + ": its configuration is not the registered one apart from the "
                        + "seeds: " + s.configuration());
            }
            if (hash != null && !hash.equals(s.deepSourcesSha256())) {
                throw new IllegalArgumentException(p + ": ran other deep sources (hash " + s.deepSourcesSha256()
                        + ") than the first shard (" + hash + ")");
            }
            hash = s.deepSourcesSha256();
            preRegistration = s.preRegistrationSha256();
            for (long seed : s.seeds()) {
                if (seeds.contains(seed)) {
                    throw new IllegalArgumentException(p + ": seed " + seed + " is in two shards");
                }
                seeds.add(seed);
            }
            cells.addAll(s.cells());
            RunRecord shard = provenanceOf(p);
            wall = Math.max(wall, shard.elapsedMillis());
            if (provenance == null) {
                provenance = shard;
            } else if (!String.valueOf(provenance.commit()).equals(String.valueOf(shard.commit()))) {
                throw new IllegalArgumentException(p + ": ran at commit " + shard.commit() + ", the first shard at "
                        + provenance.commit() + "; shards of one record must run the same code");
            }
        }
        provenance = provenance.withFile(Provenance.RESULTS_FILE)
                .withCommand(command + " (shards run by: " + provenance.command() + ", ...)");
        long[] merged = seeds.stream().mapToLong(Long::longValue).sorted().toArray();
        StudyConfig ran = registered.with(merged, registered.radii());
        if (!StudyRecord.preRegistrationHash(claim).equals(preRegistration)) {
            throw new IllegalArgumentException("the shards were pre-registered with another text of "
                    + claim.id() + " (hash " + preRegistration + ", now " + StudyRecord.preRegistrationHash(claim) + ")");
        }
        return write(registered, ran, cells, claim, provenance, wall, hash);
    }

    /** The provenance of a results file's run (the shard's commit, machine, start and wall time). */
    static RunRecord provenanceOf(Path p) {
        try {
            return ResultsJson.read(p).runs().get(0);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(p + ": its run provenance cannot be read: " + e.getMessage(), e);
        }
    }
}
