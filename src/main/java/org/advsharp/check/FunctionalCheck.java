package org.advsharp.check;

import java.util.function.BiFunction;

/**
 * A {@link Check} whose body is a function: lets a family of small checks live in one class.
 *
 * @param id      stable check id
 * @param claimId the claim the check is evidence for
 * @param title   one line
 * @param body    records evidence and returns the summary sentence
 */
public record FunctionalCheck(String id, String claimId, String title,
                              BiFunction<CheckContext, Evidence, String> body) implements Check {

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return body.apply(context, evidence);
    }
}
