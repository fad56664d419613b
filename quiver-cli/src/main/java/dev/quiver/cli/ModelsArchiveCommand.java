package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models archive NAME@VERSION}: hide a version from listings without deleting it. */
@Command(name = "archive", mixinStandardHelpOptions = true,
    description = {"Archive a version: it stays on disk and loadable by exact version, but leaves listings and is never 'latest'.",
        "Refused (exit 2, naming them) while active models depend on it or aliases point at it."})
public final class ModelsArchiveCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME@VERSION|NAME@ALIAS", description = "The version.")
  String ref;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelRef r = ModelRef.parse(ref);
    if (r.selector().isEmpty()) {
      throw new BadInputException(Where.none(), "name the version to archive exactly, got '" + ref + "'", "e.g. quiver models archive " + ref + "@1.0.0");
    }
    try (ModelRegistry reg = registry.open()) {
      ModelVersion v = reg.archive(r);
      spec.commandLine().getOut().printf("archived %s%n", v.id());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
