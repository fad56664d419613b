package dev.quiver.cli;

import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models promote REF [--to production]}: point an alias (production by default) at a version. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Point an alias (default: production) at a version, moving it from the version it pointed at before.")
public final class ModelsPromoteCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION|@ALIAS]", description = "The version to promote (NAME alone: its highest active version).")
  String ref;

  @Option(names = "--to", paramLabel = "ALIAS", defaultValue = "production", description = "The alias (default: ${DEFAULT-VALUE}).")
  String alias;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (ModelRegistry reg = registry.open()) {
      ModelRef r = ModelRef.parse(ref);
      ModelVersion v = reg.alias(ModelRef.of(r.name(), reg.resolve(r).version()), alias);
      spec.commandLine().getOut().printf("%s@%s -> %s%n", v.name(), alias, v.version());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
