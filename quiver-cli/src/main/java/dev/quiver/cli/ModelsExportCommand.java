package dev.quiver.cli;

import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models export REF --output FILE.tar.gz}: a portable, checksummed bundle of one version. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write one version as a portable tar.gz bundle (plain ustar + gzip: tar -tzf lists it): its model files,",
        "manifest.json, model.json and checksums.sha256 under the version's folder name. The version is verified first."})
public final class ModelsExportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION|@ALIAS]", description = "The version.")
  String ref;

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "FILE", description = "The bundle to write (e.g. model.tar.gz).")
  Path output;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (ModelRegistry reg = registry.open()) {
      ModelVersion v = reg.resolve(ModelRef.parse(ref));
      reg.exportBundle(v.ref(), output);
      spec.commandLine().getOut().printf("exported %s to %s%n", v.id(), output);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
