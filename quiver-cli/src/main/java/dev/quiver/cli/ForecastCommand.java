package dev.quiver.cli;

import picocli.CommandLine.Command;

/** {@code quiver forecast}: statistical forecasts of one series. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast a series with a statistical model.",
    subcommands = {ArimaCommand.class})
public final class ForecastCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
