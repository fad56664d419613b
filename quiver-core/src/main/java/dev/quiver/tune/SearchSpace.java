package dev.quiver.tune;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dimensions of a search, in declaration order; a conditional dimension's parent comes
 * before it. Written in YAML as a map from parameter name to its definition:
 *
 * <pre>
 * num_leaves:    {type: int, low: 8, high: 256, log: true}
 * learning_rate: {type: float, low: 0.01, high: 0.3, log: true}
 * boosting:      {type: categorical, choices: [gbdt, rf]}
 * bagging_fraction: {type: float, low: 0.5, high: 0.9, when: {boosting: rf}}
 * </pre>
 *
 * {@code type} is {@code int}, {@code float}, {@code log-float} (a float with {@code log: true})
 * or {@code categorical}; bounds are inclusive. Parsing puts each conditional dimension after its
 * parent.
 */
public record SearchSpace(List<Dimension> dimensions) {

  public SearchSpace {
    dimensions = List.copyOf(dimensions);
    Set<String> seen = new java.util.HashSet<>();
    for (Dimension d : dimensions) {
      if (d.conditional() && !seen.contains(d.parent())) {
        throw new BadInputException("search dimension '" + d.name() + "' depends on '" + d.parent() + "', which is not declared before it");
      }
      if (!seen.add(d.name())) throw new BadInputException("search dimension '" + d.name() + "' is declared twice");
    }
  }

  public Dimension get(String name) {
    for (Dimension d : dimensions) if (d.name().equals(name)) return d;
    return null;
  }

  /** Whether {@code d} is active given the values chosen so far (its parent's value among {@code parentValues}). */
  public static boolean active(Dimension d, Map<String, Object> chosen) {
    if (!d.conditional()) return true;
    Object parent = chosen.get(d.parent());
    return parent != null && d.parentValues().contains(String.valueOf(parent));
  }

  /** Parses the YAML-shaped map described above; {@code file} names the source in errors. Collects every problem, then throws once. */
  public static SearchSpace parse(Map<String, ?> space, String file) {
    List<Problem> problems = new ArrayList<>();
    List<Dimension> out = new ArrayList<>();
    if (space == null || space.isEmpty()) {
      throw new BadInputException(Where.file(file), "the search space is empty", "give at least one parameter, e.g. 'learning_rate: {type: log-float, low: 0.01, high: 0.3}'");
    }
    for (Map.Entry<String, ?> e : space.entrySet()) {
      String name = e.getKey();
      Where where = Where.cell(file, 0, "space." + name);
      if (!(e.getValue() instanceof Map<?, ?> def)) {
        problems.add(new Problem(where, String.valueOf(e.getValue()), "bad_dimension", "'" + name + "' must be a map with type and range"));
        continue;
      }
      Map<String, Object> m = new HashMap<>();
      def.forEach((k, v) -> m.put(String.valueOf(k), v));
      Set<String> known = Set.of("type", "low", "high", "log", "choices", "when");
      for (String k : m.keySet()) {
        if (!known.contains(k)) problems.add(new Problem(where, k, "unknown_key", "unknown key '" + k + "' in '" + name + "'; valid: " + known));
      }
      String type = String.valueOf(m.getOrDefault("type", ""));
      boolean log = Boolean.parseBoolean(String.valueOf(m.getOrDefault("log", "false")));
      Dimension d = null;
      try {
        switch (type) {
          case "int" -> {
            int low = number(m, "low").intValue();
            int high = number(m, "high").intValue();
            check(low <= high && (!log || low >= 1), name + ": need low <= high" + (log ? " and low >= 1 on a log scale" : ""));
            d = Dimension.integer(name, low, high, log);
          }
          case "float", "log-float" -> {
            boolean lg = log || type.equals("log-float");
            double low = number(m, "low").doubleValue();
            double high = number(m, "high").doubleValue();
            check(low < high && (!lg || low > 0), name + ": need low < high" + (lg ? " and low > 0 on a log scale" : ""));
            d = Dimension.real(name, low, high, lg);
          }
          case "categorical" -> {
            Object c = m.get("choices");
            check(c instanceof List<?> l && !l.isEmpty(), name + ": categorical needs a non-empty list 'choices'");
            List<String> choices = new ArrayList<>();
            for (Object o : (List<?>) c) choices.add(String.valueOf(o));
            check(new LinkedHashSet<>(choices).size() == choices.size(), name + ": choices must be distinct");
            d = Dimension.categorical(name, choices);
          }
          default -> throw new IllegalArgumentException(name + ": type '" + type + "' is not one of int, float, log-float, categorical");
        }
        Object when = m.get("when");
        if (when != null) {
          check(when instanceof Map<?, ?> w && w.size() == 1, name + ": 'when' must be one parent and its value(s), e.g. when: {boosting: rf}");
          Map.Entry<?, ?> w = ((Map<?, ?>) when).entrySet().iterator().next();
          Set<String> values = new LinkedHashSet<>();
          if (w.getValue() instanceof List<?> l) for (Object o : l) values.add(String.valueOf(o));
          else values.add(String.valueOf(w.getValue()));
          d = d.when(String.valueOf(w.getKey()), values);
        }
        out.add(d);
      } catch (IllegalArgumentException ex) {
        problems.add(new Problem(where, String.valueOf(def), "bad_dimension", ex.getMessage()));
      }
    }
    // parents before their conditional children, otherwise in the order written
    List<Dimension> ordered = new ArrayList<>();
    Set<String> placed = new java.util.HashSet<>();
    boolean progress = true;
    while (ordered.size() < out.size() && progress) {
      progress = false;
      for (Dimension d : out) {
        if (!placed.contains(d.name()) && (!d.conditional() || placed.contains(d.parent()))) {
          ordered.add(d);
          placed.add(d.name());
          progress = true;
        }
      }
    }
    for (Dimension d : out) {
      if (!placed.contains(d.name())) {
        problems.add(new Problem(Where.cell(file, 0, "space." + d.name()), d.parent(), "unknown_parent",
            "'" + d.name() + "' depends on '" + d.parent() + "', which is not a parameter of the space (or the conditions form a cycle)"));
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "see the search space format in README.md, section Tuning");
    return new SearchSpace(ordered);
  }

  private static Number number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof Number n) return n;
    if (v != null) {
      try {
        return Double.valueOf(String.valueOf(v));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("'" + key + "' must be a number, got " + v);
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }
}
