package org.advsharp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.claims.Claim;
import org.advsharp.run.SampleSuite;

/** One in-process run of the command line with captured output. */
record CliRun(int exit, String out, String err) {

    static SuiteSources sample(List<Check> checks) {
        return new SuiteSources() {
            @Override
            public List<Claim> claims() {
                return SampleSuite.claims();
            }

            @Override
            public List<Check> checks() {
                return checks;
            }
        };
    }

    static CliRun of(String... args) {
        return with(sample(SampleSuite.checks()), args);
    }

    static CliRun with(SuiteSources sources, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Advsharp.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), sources);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
