package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
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

/** {@code quiver models alias NAME@VERSION ALIAS} sets or moves an alias; {@code --remove NAME ALIAS} removes it. */
@Command(name = "alias", mixinStandardHelpOptions = true,
    description = {"Set or move an alias: quiver models alias NAME@VERSION ALIAS (e.g. staging, production, any word).",
        "Remove one: quiver models alias --remove NAME ALIAS."})
public final class ModelsAliasCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION]", description = "The version the alias should name (with --remove: the model name).")
  String ref;

  @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias.")
  String alias;

  @Option(names = "--remove", description = "Remove the alias instead.")
  boolean remove;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelRef r = ModelRef.parse(ref);
    try (ModelRegistry reg = registry.open()) {
      if (remove) {
        if (!r.selector().isEmpty()) throw new BadInputException(Where.none(), "--remove takes the model name alone, got " + ref, "e.g. quiver models alias --remove futures-lightgbm staging");
        reg.removeAlias(r.name(), alias);
        spec.commandLine().getOut().printf("removed %s@%s%n", r.name(), alias);
      } else {
        ModelVersion v = reg.alias(ModelRef.of(r.name(), reg.resolve(r).version()), alias);
        spec.commandLine().getOut().printf("%s@%s -> %s%n", v.name(), alias, v.version());
      }
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
