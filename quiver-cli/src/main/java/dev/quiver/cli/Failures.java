package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.QuiverException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place failures become exit codes and messages: {@link BadInputException} exits 2 with
 * its message, everything else exits 1 with a short line; stack traces only with --verbose.
 */
final class Failures {

  private static volatile boolean verbose;

  private Failures() {}

  static void verbose(boolean on) {
    verbose = on;
  }

  static int exitCode(Throwable t) {
    if (t instanceof QuiverException q) return q.exitCode();
    if (t instanceof CommandLine.ParameterException) return 2;
    return 1;
  }

  static int handle(Exception e, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (e instanceof BadInputException bad) {
      err.println("error: " + bad.getMessage());
    } else if (e instanceof QuiverException q) {
      err.println("internal error: " + q.getMessage());
      if (!verbose) err.println("(run again with --verbose for details)");
    } else {
      err.println("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      if (!verbose) err.println("(run again with --verbose for details)");
    }
    if (verbose) e.printStackTrace(err);
    err.flush();
    return exitCode(e);
  }
}
