package org.swis.cli;

import org.swis.io.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code swis} command. Exit codes: 0 success; 2 bad input or usage (one line naming the file,
 * the field and what was expected); 1 internal failure. A stack trace is printed only with
 * {@code --verbose}.
 */
@Command(name = "swis",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        subcommands = {InspectCommand.class, DecomposeCommand.class, QualityCommand.class, AccuracyCommand.class, GoldenCommand.class, VerifyGoldenCommand.class, HwCommand.class, BenchCommand.class, ReproduceCommand.class, ConformanceCommand.class, CommandLine.HelpCommand.class},
        description = "SWIS (Shared Weight bIt Sparsity, Li et al., tinyML 2021): import weights, "
                + "decompose, measure quality and hardware cost.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  internal failure (rerun with --verbose for the stack trace)",
            "  2  bad input or usage (the message names the file, the field and what was expected)",
            "", "Examples:", "  swis inspect ../shared/weights/cifar10_resnet20/weights.npz",
            "  swis inspect model.safetensors --layout OIHW --csv"})
public final class SwisCommand implements Callable<Integer> {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 1;
    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces and extra diagnostics.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors: no warnings, notes or progress (for CI).")
    boolean quiet;

    /** True when {@code --verbose} was given anywhere on the command line. */
    public boolean verbose() {
        return verbose;
    }

    /** True when {@code --quiet} was given anywhere on the command line. */
    public boolean quiet() {
        return quiet;
    }

    /** Prints a warning or note on standard error unless {@code --quiet}. */
    public void note(String command, String message) {
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(command + ": " + message);
            err.flush();
        }
    }

    /** Standard output of the command line. */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of the command line. */
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("swis: missing subcommand (see 'swis --help')");
        err.flush();
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = execute(args, out, err);
        } catch (Throwable t) {
            // Errors (e.g. OutOfMemoryError) escape picocli's handlers; still exit with the internal code.
            err.println("swis: internal error: " + t);
            err.flush();
            code = INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (never calls System.exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        SwisCommand root = new SwisCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + InputException.oneLine(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter e = c.getErr();
            boolean badInput = ex instanceof InputException || ex instanceof org.swis.reference.SwisInputException;
            if (badInput) {
                e.println(c.getCommandSpec().qualifiedName() + ": " + (ex instanceof InputException
                        ? ex.getMessage() : InputException.oneLine(ex.getMessage())));
            } else {
                e.println(c.getCommandSpec().qualifiedName() + ": internal error: " + ex
                        + (root.verbose ? "" : " (rerun with --verbose for the stack trace)"));
            }
            if (root.verbose) {
                ex.printStackTrace(e);
            }
            e.flush();
            return badInput ? BAD_INPUT : INTERNAL;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
