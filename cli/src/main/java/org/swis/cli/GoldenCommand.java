package org.swis.cli;

import org.swis.io.InputException;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.swis.reference.golden.GoldenVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swis golden}: exports the reference's golden test vectors (SPEC §10). */
@Command(name = "golden",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Export the reference's golden test vectors (one directory per case: manifest.json and .npy "
                + "files), each file written to a temporary file and renamed. Re-check them with 'swis verify-golden'.",
        footerHeading = "%nExamples:%n",
        footer = {"  swis golden -o golden/", "  swis verify-golden golden/"})
public final class GoldenCommand implements Callable<Integer> {
    @ParentCommand
    SwisCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", required = true, description = "Directory to write the cases into.")
    Path output;

    @Override
    public Integer call() throws InputException {
        AtomicFiles.checkFolder(output, "--output");
        int n = GoldenVectors.generate(output);
        root.out().println("wrote " + n + " golden cases to " + output);
        root.out().flush();
        return SwisCommand.OK;
    }
}
