package dev.quiver.cli;

import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models list}: every registered version, by name then registration time. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List registered versions, by name then time of registration (archived ones only with --all).",
        "JSON: one object per version with name, version, family, kind, variant, grade, accuracy, created, aliases, tags, status."})
public final class ModelsListCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this model name.")
  String name;

  @Option(names = "--min-grade", paramLabel = "GRADE", description = "Only versions graded at least this (S, A+, A, A-, B+, B, B-, C+, C, D, F); ungraded ones never pass.")
  String minGrade;

  @Option(names = "--all", description = "Include archived versions.")
  boolean all;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<ModelVersion> versions;
    try (ModelRegistry r = registry.open()) {
      versions = r.list(name, minGrade, all);
    }
    print(versions, format, spec.commandLine().getOut());
    return 0;
  }

  /** Prints versions as a table or as a JSON array. */
  static void print(List<ModelVersion> versions, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> rows = new ArrayList<>(versions.size());
      for (ModelVersion v : versions) rows.add(RegistryJson.version(v));
      JsonOut.print(out, rows);
      return;
    }
    if (versions.isEmpty()) {
      out.println("no models registered");
      out.flush();
      return;
    }
    Table t = new Table(List.of("name", "version", "family", "grade", "accuracy", "created", "aliases", "status"));
    for (ModelVersion v : versions) {
      t.row(List.of(v.name(), v.version().toString(), v.family(), v.grade(),
          Double.isNaN(v.accuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", v.accuracy()),
          v.created().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"), String.join(",", v.aliases()),
          v.status().name().toLowerCase(Locale.ROOT)));
    }
    t.print(out);
  }
}
