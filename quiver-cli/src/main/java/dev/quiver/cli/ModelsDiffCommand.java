package dev.quiver.cli;

import dev.quiver.registry.ModelCard;
import dev.quiver.registry.ModelDiff;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models diff A B}: params and metrics of two versions side by side. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare two versions: the params that differ, every metric with both values and the change (B - A),",
        "and other facts that differ (family, variant, seed, training data, features, label, timeframe, grade, dependencies)."})
public final class ModelsDiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "NAME[@VERSION|@ALIAS].")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "NAME[@VERSION|@ALIAS]; a bare @VERSION or @ALIAS means A's name.")
  String b;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelRef ra = ModelRef.parse(a);
    ModelRef rb = ModelRef.parse(b.startsWith("@") ? ra.name() + b : b);
    ModelDiff diff;
    try (ModelRegistry reg = registry.open()) {
      ModelCard ca = reg.card(reg.resolve(ra).ref());
      ModelCard cb = reg.card(reg.resolve(rb).ref());
      diff = ModelDiff.of(ca, cb);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(out, diff);
      return 0;
    }
    out.printf("%s -> %s%n%n", diff.from(), diff.to());
    section(out, "params", diff.params(), false);
    section(out, "metrics", diff.metrics(), true);
    section(out, "other", diff.other(), false);
    out.flush();
    return 0;
  }

  private static void section(PrintWriter out, String title, List<ModelDiff.Entry> entries, boolean numbers) {
    if (entries.isEmpty()) {
      out.println(title + ": no differences");
      out.println();
      return;
    }
    Table t = new Table(numbers ? List.of(title, "A", "B", "B - A") : List.of(title, "A", "B"));
    for (ModelDiff.Entry e : entries) {
      String x = e.from() == null ? "-" : numbers ? fmt(e.from()) : e.from();
      String y = e.to() == null ? "-" : numbers ? fmt(e.to()) : e.to();
      if (numbers) t.row(List.of(e.key(), x, y, e.delta() == null ? "-" : String.format(Locale.ROOT, "%+.4f", e.delta())));
      else t.row(List.of(e.key(), x, y));
    }
    t.print(out);
    out.println();
  }

  private static String fmt(String number) {
    double v = Double.parseDouble(number);
    return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.4f", v);
  }
}
