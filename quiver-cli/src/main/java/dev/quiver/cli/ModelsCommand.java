package dev.quiver.cli;

import picocli.CommandLine.Command;

/** {@code quiver models}: list, inspect, verify, promote and move registered models. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = {"Work with the model registry (--registry DIR; default $QUIVER_REGISTRY, else ./models).",
        "Models are named NAME@VERSION (e.g. futures-lightgbm@1.2.0), NAME@ALIAS (e.g. @production) or NAME (highest active version)."},
    subcommands = {FamiliesCommand.class, ModelsListCommand.class, ModelsInfoCommand.class, ModelsVerifyCommand.class, ModelsPromoteCommand.class,
        ModelsAliasCommand.class, ModelsArchiveCommand.class, ModelsDiffCommand.class, ModelsExportCommand.class,
        ModelsImportCommand.class, ModelsLineageCommand.class, ModelsTagCommand.class, ModelsRetentionCommand.class})
public final class ModelsCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
