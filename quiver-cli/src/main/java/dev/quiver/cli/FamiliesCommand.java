package dev.quiver.cli;

import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code families}: the model families on the classpath, their tasks, variants and parameters
 * with each variant's value, range and description. Listing loads no native library (families are
 * cheap to construct). JSON: one object per family with {@code name}, {@code tasks}, {@code
 * variants} (conservative, balanced, aggressive first), {@code default_variant} and {@code params},
 * each param with {@code key}, {@code type} (integer, number, boolean, choice or text), {@code
 * default} (value per variant), {@code range} ({@code {min, max}}, null for unbounded ends) or
 * {@code choices}, and {@code description}.
 */
@Command(name = "families", mixinStandardHelpOptions = true,
    description = {"List the model families, their tasks, variants and parameters (default value per variant, valid range, description).",
        "Use the names with quiver train --models FAMILY[:VARIANT] and --set FAMILY.KEY=VALUE."})
public final class FamiliesCommand implements Callable<Integer> {

  static final List<String> VARIANT_ORDER = List.of("conservative", "balanced", "aggressive");

  @Parameters(arity = "0..*", paramLabel = "FAMILY", description = "Only these families (default: all).")
  List<String> only;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ModelFamilies families = ModelFamilies.discover();
    List<ModelFamily> shown = new ArrayList<>();
    if (only == null || only.isEmpty()) shown.addAll(families.all().values());
    else for (String name : only) shown.add(families.get(name));
    List<Map<String, Object>> described = new ArrayList<>();
    for (ModelFamily f : shown) described.add(describe(f));
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) JsonOut.print(out, described);
    else printText(out, described);
    return 0;
  }

  /** A family as the JSON object described in the class comment. */
  static Map<String, Object> describe(ModelFamily f) {
    List<String> variants = orderedVariants(f);
    Map<String, Params> byVariant = new LinkedHashMap<>();
    for (String v : variants) byVariant.put(v, f.params(v, Map.of()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    if (!f.description().isBlank()) m.put("description", f.description());
    List<String> tasks = new ArrayList<>();
    for (Task t : Task.values()) if (f.tasks().contains(t)) tasks.add(t.name().toLowerCase(Locale.ROOT));
    m.put("tasks", tasks);
    m.put("variants", variants);
    m.put("default_variant", "balanced");
    List<Map<String, Object>> params = new ArrayList<>();
    for (Param p : byVariant.get("balanced").declared()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("key", p.key());
      pm.put("type", type(p));
      Map<String, Object> defaults = new LinkedHashMap<>();
      byVariant.forEach((v, values) -> defaults.put(v, values.get(p.key())));
      pm.put("default", defaults);
      if (!p.choices().isEmpty()) pm.put("choices", p.choices());
      else if (!(p.defaultValue() instanceof Boolean) && !(p.defaultValue() instanceof String)) pm.put("range", range(p));
      pm.put("description", p.description());
      params.add(pm);
    }
    m.put("params", params);
    return m;
  }

  static List<String> orderedVariants(ModelFamily f) {
    List<String> out = new ArrayList<>();
    for (String v : VARIANT_ORDER) if (f.variants().contains(v)) out.add(v);
    f.variants().stream().filter(v -> !out.contains(v)).sorted().forEach(out::add);
    return out;
  }

  private static String type(Param p) {
    Object d = p.defaultValue();
    if (!p.choices().isEmpty()) return "choice";
    if (d instanceof Integer || d instanceof Long) return "integer";
    if (d instanceof Double) return "number";
    if (d instanceof Boolean) return "boolean";
    return "text";
  }

  private static Map<String, Object> range(Param p) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("min", bound(p.min(), p.defaultValue()));
    r.put("max", bound(p.max(), p.defaultValue()));
    return r;
  }

  /** The bound in the parameter's own type; null for an effectively unbounded end. */
  private static Object bound(double x, Object like) {
    if (Math.abs(x) >= 1e9 || Math.abs(x) >= Integer.MAX_VALUE) return null;
    return like instanceof Integer || like instanceof Long ? (Object) (long) x : (Object) x;
  }

  private static void printText(PrintWriter out, List<Map<String, Object>> families) {
    boolean first = true;
    for (Map<String, Object> f : families) {
      if (!first) out.println();
      first = false;
      @SuppressWarnings("unchecked") List<String> variants = (List<String>) f.get("variants");
      @SuppressWarnings("unchecked") List<String> tasks = (List<String>) f.get("tasks");
      out.printf(Locale.ROOT, "%s  (tasks: %s; variants: %s; default: balanced)%n", f.get("name"), String.join(", ", tasks), String.join(", ", variants));
      if (f.containsKey("description")) out.printf(Locale.ROOT, "  %s%n", f.get("description"));
      List<String> header = new ArrayList<>(List.of("param", "type"));
      header.addAll(variants);
      header.add("range");
      header.add("description");
      Table t = new Table(header);
      @SuppressWarnings("unchecked") List<Map<String, Object>> params = (List<Map<String, Object>>) f.get("params");
      for (Map<String, Object> p : params) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(p.get("key")), String.valueOf(p.get("type"))));
        @SuppressWarnings("unchecked") Map<String, Object> defaults = (Map<String, Object>) p.get("default");
        for (String v : variants) cells.add(String.valueOf(defaults.get(v)));
        cells.add(rangeText(p));
        cells.add(String.valueOf(p.get("description")));
        t.row(cells);
      }
      t.print(out);
    }
    out.flush();
  }

  private static String rangeText(Map<String, Object> p) {
    if (p.containsKey("choices")) return String.join("|", castList(p.get("choices")));
    if (!p.containsKey("range")) return "boolean".equals(p.get("type")) ? "true|false" : "any text";
    @SuppressWarnings("unchecked") Map<String, Object> r = (Map<String, Object>) p.get("range");
    Object min = r.get("min");
    Object max = r.get("max");
    return "[" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "]";
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }}
