package dev.quiver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command: lists the subcommands and holds the options every command inherits. */
@Command(name = "quiver",
    mixinStandardHelpOptions = true,
    versionProvider = QuiverVersion.class,
    description = "Train, validate and compare trading-signal models on market data.",
    subcommands = {DataCommand.class, FeaturesCommand.class, TrainCommand.class, SplitCommand.class, DemoCommand.class,
        MetricsCommand.class, BacktestCommand.class, CheckCommand.class, ModelsCommand.class, PredictCommand.class, ImportanceCommand.class, SelectFeaturesCommand.class, TuneCommand.class, BenchmarkCommand.class, ForecastCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 2 bad input (the message names file, line and column), 1 internal failure.",
        "Start with: quiver demo"})
public final class QuiverCommand implements Runnable {

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
  void verbose(boolean on) {
    Failures.verbose(on);
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: exit codes for failures, one error handler. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new QuiverCommand());
    cl.setExecutionExceptionHandler(Failures::handle);
    cl.setExitCodeExceptionMapper(Failures::exitCode);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
