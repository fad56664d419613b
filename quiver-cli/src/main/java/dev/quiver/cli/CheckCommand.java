package dev.quiver.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code quiver check}: self-tests of an experiment. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Self-tests of an experiment.",
    subcommands = {CheckLeakageCommand.class})
public final class CheckCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
