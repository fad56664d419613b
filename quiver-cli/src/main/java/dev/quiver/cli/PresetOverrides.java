package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --set FAMILY.KEY=VALUE} flags of a preset into overrides per family; the families check the keys. */
final class PresetOverrides {

  private PresetOverrides() {}

  static Map<String, Map<String, String>> parse(List<String> sets, List<String> families) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String f : families) out.put(f, new LinkedHashMap<>());
    List<Problem> problems = new ArrayList<>();
    for (String s : sets == null ? List.<String>of() : sets) {
      int dot = s.indexOf('.');
      int eq = s.indexOf('=');
      if (dot <= 0 || eq < dot + 2) {
        problems.add(new Problem(Where.none(), s, "bad_set", "--set " + s + " is not FAMILY.KEY=VALUE"));
        continue;
      }
      String family = s.substring(0, dot);
      if (!out.containsKey(family)) {
        problems.add(new Problem(Where.none(), family, "unknown_family", "--set " + s + " names " + family + ", which this preset does not train (it trains " + families + ")"));
        continue;
      }
      out.get(family).put(s.substring(dot + 1, eq).trim(), s.substring(eq + 1).trim());
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "write --set random_forest.num_iterations=50 or --set gradient_boosting.learning_rate=0.05");
    return out;
  }
}
