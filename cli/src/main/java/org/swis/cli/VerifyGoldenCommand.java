package org.swis.cli;

import org.swis.io.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.swis.reference.golden.GoldenVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swis verify-golden}: re-checks exported golden vectors against the reference. */
@Command(name = "verify-golden",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Re-check every case directory under <dir> (a directory with manifest.json) against the "
                + "reference: recompute decompositions, streams and MAC results and compare them bit for bit.",
            "Exit 0 when every case matches; 2 when <dir> has no cases or any case differs (each difference is "
                + "listed on standard error, at most 20)."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis golden -o golden/ && swis verify-golden golden/"})
public final class VerifyGoldenCommand implements Callable<Integer> {
    static final int MAX_LISTED = 20;

    @ParentCommand
    SwisCommand root;

    @Parameters(index = "0", paramLabel = "<dir>", description = "Directory written by 'swis golden'.")
    Path dir;

    @Override
    public Integer call() throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "path", "a directory written by 'swis golden'",
                    Files.exists(dir) ? "not a directory" : "no such directory");
        }
        GoldenVectors.Report r = GoldenVectors.verify(dir);
        if (r.ok()) {
            root.out().println("OK: " + r.cases() + " golden cases in " + dir + " match the reference");
            root.out().flush();
            return SwisCommand.OK;
        }
        for (int i = 0; i < Math.min(MAX_LISTED, r.failures().size()); i++) {
            root.err().println("  " + InputException.oneLine(r.failures().get(i)));
        }
        throw new InputException(dir.toString(), "golden cases", "every case to match the reference",
                r.failures().size() + " difference(s) in " + r.cases() + " case(s)");
    }
}
