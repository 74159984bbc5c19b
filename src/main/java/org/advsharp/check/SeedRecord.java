package org.advsharp.check;

/**
 * A seed that produced evidence, with the command that replays it.
 *
 * @param purpose       what the seed drove, e.g. "200 random problems"
 * @param seed          the seed
 * @param replayCommand the one-line command that replays the evidence
 */
public record SeedRecord(String purpose, long seed, String replayCommand) {
}
