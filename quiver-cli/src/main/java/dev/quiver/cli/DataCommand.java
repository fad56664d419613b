package dev.quiver.cli;

import picocli.CommandLine.Command;

/** {@code quiver data}: inspect and convert market data files. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Validate and resample market data files (CSV, CSV.gz, Parquet, tick trades).",
    subcommands = {ValidateCommand.class, ResampleCommand.class})
public final class DataCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
