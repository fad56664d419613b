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

/** {@code quiver models tag NAME[@VERSION] TAG} adds a tag to a version; {@code --remove} takes it off. */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tag a version: quiver models tag NAME@VERSION TAG (a version holds any number of tags; the name's history records it).",
        "Untag: quiver models tag --remove NAME@VERSION TAG."})
public final class ModelsTagCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION|@ALIAS]", description = "The version (default: the latest active one).")
  String ref;

  @Parameters(index = "1", paramLabel = "TAG", description = "The tag.")
  String tag;

  @Option(names = "--remove", description = "Remove the tag instead.")
  boolean remove;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelVersion v;
    try (ModelRegistry reg = registry.open()) {
      ModelRef exact = reg.resolve(ModelRef.parse(ref)).ref();
      v = remove ? reg.untag(exact, tag) : reg.tag(exact, tag);
    }
    spec.commandLine().getOut().printf("%s tags: %s%n", v.id(), v.tags().isEmpty() ? "-" : String.join(", ", v.tags()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
