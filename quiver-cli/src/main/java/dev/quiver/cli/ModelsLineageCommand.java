package dev.quiver.cli;

import dev.quiver.registry.Lineage;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.registry.RegisteredPreprocessor;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models lineage REF}: what a version was built from and what uses it. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Show a version's training data SHA-256, the models it depends on (as a tree) and the models that depend on it,",
        "and its fitted preprocessor with every version that shares it."})
public final class ModelsLineageCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION|@ALIAS]", description = "The version.")
  String ref;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Lineage lineage;
    Optional<RegisteredPreprocessor> pre;
    try (ModelRegistry reg = registry.open()) {
      lineage = reg.lineage(ModelRef.parse(ref));
      pre = reg.preprocessor(lineage.model().ref());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = json(lineage);
      m.put("preprocessor", pre.map(p -> {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("id", p.id());
        pm.put("spec", p.spec());
        pm.put("shared_by", p.usedBy().stream().map(ModelVersion::id).toList());
        return pm;
      }).orElse(null));
      JsonOut.print(out, m);
      return 0;
    }
    tree(out, lineage, "");
    List<ModelVersion> users = lineage.usedBy();
    out.println("used by: " + (users.isEmpty() ? "-" : String.join(", ", users.stream().map(ModelVersion::id).toList())));
    if (pre.isEmpty()) {
      out.println("preprocessor: none (raw features)");
    } else {
      out.println("preprocessor: " + pre.get().id() + " (" + pre.get().spec() + "), shared by "
          + String.join(", ", pre.get().usedBy().stream().map(ModelVersion::id).toList()));
    }
    out.flush();
    return 0;
  }

  private static void tree(PrintWriter out, Lineage l, String indent) {
    out.println(indent + l.model().id() + "  (" + l.model().family() + ", data " + (l.dataSha256().isEmpty() ? "-" : shortSha(l.dataSha256())) + ")");
    for (Lineage d : l.dependsOn()) tree(out, d, indent + "  <- ");
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static Map<String, Object> json(Lineage l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", l.model().id());
    m.put("family", l.model().family());
    m.put("data_sha256", l.dataSha256());
    m.put("depends_on", l.dependsOn().stream().map(ModelsLineageCommand::json).toList());
    m.put("used_by", l.usedBy().stream().map(ModelVersion::id).toList());
    return m;
  }
}
