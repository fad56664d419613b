package dev.quiver.cli;

import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models import BUNDLE}: register a bundle written by export, after verifying every file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Register the version a bundle (from quiver models export) holds, under its own name and version, after",
        "checking every file against its checksums (exit 2 naming any that fails). Its dependencies must be registered already.",
        "The registry is created when missing."})
public final class ModelsImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "A .tar.gz bundle.")
  Path bundle;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (ModelRegistry reg = registry.create()) {
      ModelVersion v = reg.importBundle(bundle);
      spec.commandLine().getOut().printf("imported %s (%s)%n", v.id(), v.directory());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
