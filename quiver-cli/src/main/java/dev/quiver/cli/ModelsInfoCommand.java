package dev.quiver.cli;

import dev.quiver.registry.HistoryEvent;
import dev.quiver.registry.ModelCard;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.registry.RegisteredPreprocessor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models info REF}: one version's card, aliases, tags, dependants and the name's history. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Show a version: metrics, grade and the numbers behind it, params, seed, training-data SHA-256, features and",
        "how they are computed, dependencies and dependants, aliases, tags, folder and the name's history.",
        "The card (model.json) is checked against its checksums first. The preprocessor line shows the fitted pipeline the model sits behind (its id, steps and the versions sharing it), or none."})
public final class ModelsInfoCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME[@VERSION|@ALIAS]", description = "The model.")
  String ref;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelRef r = ModelRef.parse(ref);
    ModelVersion v;
    ModelCard card;
    List<ModelVersion> usedBy;
    List<HistoryEvent> history;
    String folder;
    Optional<RegisteredPreprocessor> pre;
    try (ModelRegistry reg = registry.open()) {
      v = reg.resolve(r);
      card = reg.card(v.ref());
      usedBy = reg.dependants(v.ref());
      history = reg.history(v.name());
      folder = reg.directory(v).toString();
      pre = reg.preprocessor(v.ref());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = RegistryJson.version(v);
      m.put("folder", folder);
      m.put("card", card);
      m.put("used_by", usedBy.stream().map(ModelVersion::id).toList());
      m.put("preprocessor", pre.map(p -> preprocessorJson(p)).orElse(null));
      m.put("history", history);
      JsonOut.print(out, m);
      return 0;
    }
    out.printf("%s  (%s, %s)%n", v.id(), v.status().name().toLowerCase(Locale.ROOT), v.change());
    out.printf("folder        %s%n", folder);
    out.printf("family        %s (%s), variant %s%n", card.family(), card.kind(), card.variant());
    out.printf("created       %s by Quiver %s%n", card.created(), card.codeVersion());
    out.printf("aliases       %s%n", v.aliases().isEmpty() ? "-" : String.join(", ", v.aliases()));
    out.printf("tags          %s%n", v.tags().isEmpty() ? "-" : String.join(", ", v.tags()));
    out.printf("grade         %s%s%n", card.grade().letter(), card.grade().basis().isEmpty() ? "" : " (" + card.grade().basis() + ")");
    if (!card.grade().numbers().isEmpty()) out.printf("              %s%n", numbers(card.grade().numbers()));
    out.printf("metrics       %s%n", card.metrics().isEmpty() ? "-" : numbers(card.metrics()));
    out.printf("params        %s%n", card.params());
    out.printf("seed          %d%n", card.seed());
    out.printf("data sha256   %s%n", card.dataSha256().isEmpty() ? "-" : card.dataSha256());
    out.printf("task          %s%n", card.schema().task().name().toLowerCase(Locale.ROOT));
    if (card.schema().classes() > 0) out.printf("classes       %s%n", classes(card));
    out.printf("features      %d: %s%n", card.schema().features().size(), String.join(",", card.schema().features()));
    if (card.recipe() != null) {
      out.printf("computed as   %s on %s%s; label %s%n", card.recipe().features(), card.recipe().timeframe(),
          card.recipe().higherTimeframes().isEmpty() ? "" : ", " + card.recipe().higherFeatureSpec() + " on " + String.join("/", card.recipe().higherTimeframes())
              + " as of their last closed bar", card.recipe().label());
    }
    if (pre.isEmpty()) {
      out.printf("preprocessor  none (raw features)%n");
    } else {
      RegisteredPreprocessor p = pre.get();
      out.printf("preprocessor  %s: %s (fitted on the training rows; %s)%n", p.id(), String.join(" -> ", p.steps()), p.file());
      out.printf("              shared by %s%n", String.join(", ", p.usedBy().stream().map(ModelVersion::id).toList()));
    }
    out.printf("depends on    %s%n", card.dependencies().isEmpty() ? "-" : String.join(", ", card.dependencies()));
    out.printf("used by       %s%n", usedBy.isEmpty() ? "-" : String.join(", ", usedBy.stream().map(ModelVersion::id).toList()));
    if (!card.description().isEmpty()) out.printf("description   %s%n", card.description());
    out.println();
    out.println("history of " + v.name() + ":");
    Table t = new Table(List.of("time", "version", "event", "detail"));
    for (HistoryEvent e : history) t.row(List.of(e.at().toString(), e.version(), e.event(), e.detail()));
    t.print(out);
    out.flush();
    return 0;
  }

  /** "3: down, flat, up" from the recorded label's class names, or the bare count when the label names none or another count. */
  private static String classes(ModelCard card) {
    int k = card.schema().classes();
    if (card.recipe() != null && card.recipe().label() != null && !card.recipe().label().isBlank()) {
      List<String> names = dev.quiver.labels.Labelers.classes(dev.quiver.labels.Labelers.parse(card.recipe().label()));
      if (names.size() == k) return k + ": " + String.join(", ", names) + " (class ids 0.." + (k - 1) + ")";
    }
    return k + " (class ids 0.." + (k - 1) + ")";
  }

  private static Map<String, Object> preprocessorJson(RegisteredPreprocessor p) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", p.id());
    m.put("spec", p.spec());
    m.put("steps", p.steps());
    m.put("file", p.file());
    m.put("sha256", p.sha256());
    m.put("used_by", p.usedBy().stream().map(ModelVersion::id).toList());
    return m;
  }

  private static String numbers(Map<String, Double> m) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> e : new LinkedHashMap<>(m).entrySet()) {
      Double x = e.getValue();
      parts.add(e.getKey() + " " + (x == null || x.isNaN() ? "nan" : String.format(Locale.ROOT, "%.4f", x)));
    }
    return String.join(", ", parts);
  }
}
