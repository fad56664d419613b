package dev.quiver.cli;

import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models retention NAME MAX}: keep at most MAX active versions of NAME. */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = {"Keep at most MAX active versions of NAME (0: no limit), now and after every later registration of it.",
        "Older versions are archived, not deleted; a version an alias points at or an active version depends on stays active."})
public final class ModelsRetentionCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
  String name;

  @Parameters(index = "1", paramLabel = "MAX", description = "Most active versions to keep (max_versions); 0 for no limit.")
  int max;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<ModelVersion> active;
    try (ModelRegistry reg = registry.open()) {
      reg.setMaxVersions(name, max);
      active = reg.list(name, null, false);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: max_versions %s; active: %s%n", name, max == 0 ? "unlimited" : String.valueOf(max),
        active.isEmpty() ? "-" : String.join(", ", active.stream().map(v -> v.version().toString()).toList()));
    out.flush();
    return 0;
  }
}
