package dev.quiver.tune;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code tune:} section of an experiment file (the rest is read by
 * {@link dev.quiver.config.ExperimentConfigs}, which ignores this section). Example:
 *
 * <pre>
 * tune:
 *   family: lightgbm
 *   metric: auc                 # any leaderboard metric; auc (default) is maximised, log_loss minimised
 *   sampler: tpe                # tpe (per dimension) | tpe:multivariate (joint) | random | grid
 *   n_trials: 40
 *   timeout: 10m                # s, m or h; absent: no limit
 *   seed: 7                     # default: the experiment seed
 *   split: holdout              # or {walk_forward: 4}
 *   pruner: median              # none (default) | median | halving
 *   params: {num_iterations: 200}
 *   space:
 *     num_leaves:    {int: [8, 128]}
 *     learning_rate: {log_float: [0.01, 0.3]}
 *     boosting:      {choice: [gbdt, dart]}
 *     drop_rate:     {float: [0.05, 0.3], when: {boosting: dart}}
 * </pre>
 *
 * Range bounds are inclusive; {@code log_int} and {@code log_float} search on a log scale. Every
 * problem is collected and thrown once as a {@link BadInputException} naming the file, the line,
 * the key path and the YAML column, and the valid choices.
 */
public final class TuneConfigs {

  /** Leaderboard metrics that are better when higher; the others ({@link #MINIMISED}) are losses. */
  public static final Set<String> MAXIMISED = Set.of("auc", "accuracy", "precision", "recall", "f1", "macro_f1", "r2", "directional_accuracy");
  public static final Set<String> MINIMISED = Set.of("log_loss", "brier", "rmse", "mae");
  public static final List<String> SAMPLERS = List.of("tpe", "random", "grid", "tpe:multivariate");
  public static final List<String> PRUNERS = List.of("none", "median", "halving");

  private static final List<String> KEYS = List.of("family", "variant", "params", "metric", "sampler", "n_trials", "timeout",
      "seed", "split", "pruner", "space");
  private static final List<String> KINDS = List.of("int", "log_int", "float", "log_float", "choice");

  private TuneConfigs() {}

  /**
   * The tune section of {@code file}; {@code defaultSeed} (the experiment's seed) when it names none.
   *
   * @throws BadInputException when the file has no tune section or any of its keys or values is bad
   */
  public static TuneConfig read(Path file, long defaultSeed) {
    YamlNode root;
    try {
      root = YamlNode.read(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(file), "experiment file not found", "check the path given to --config");
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "cannot read the experiment file: " + e.getMessage(), "check the YAML syntax");
    }
    YamlNode tune = root == null || root.map() == null ? null : root.map().get("tune");
    if (tune == null || tune.map() == null) {
      throw new BadInputException(Where.cell(file, tune == null ? 0 : tune.line(), "tune"), "the experiment file has no tune: section",
          "add one, e.g. tune: {family: lightgbm, n_trials: 30, space: {num_leaves: {int: [8, 128]}}}");
    }
    return parse(file.toString(), tune, defaultSeed);
  }

  static TuneConfig parse(String file, YamlNode tune, long defaultSeed) {
    List<Problem> problems = new ArrayList<>();
    Map<String, YamlNode> m = tune.map();
    for (Map.Entry<String, YamlNode> k : tune.keys().entrySet()) {
      if (!KEYS.contains(k.getKey())) problems.add(problem(file, k.getValue(), "tune." + k.getKey(), k.getKey(), "unknown_key",
          "unknown key '" + k.getKey() + "' in tune; valid keys: " + String.join(", ", KEYS)));
    }
    String family = text(file, m, "family", null, problems);
    if (family == null && !m.containsKey("family")) {
      problems.add(problem(file, tune, "tune.family", "", "missing_family", "tune names no family; add e.g. family: lightgbm"));
    }
    String variant = text(file, m, "variant", "balanced", problems);
    Map<String, String> params = new LinkedHashMap<>();
    YamlNode p = m.get("params");
    if (p != null) {
      if (p.map() == null) problems.add(problem(file, p, "tune.params", p.show(), "bad_value", "params must be a map of fixed parameters, e.g. {num_iterations: 200}"));
      else p.map().forEach((k, v) -> params.put(k, v.value() instanceof String s ? s : v.show()));
    }
    String metric = text(file, m, "metric", "auc", problems);
    if (metric != null && !MAXIMISED.contains(metric) && !MINIMISED.contains(metric)) {
      List<String> all = new ArrayList<>(MAXIMISED);
      all.addAll(MINIMISED);
      problems.add(problem(file, m.get("metric"), "tune.metric", metric, "bad_value", "metric '" + metric + "' is not a leaderboard metric; valid: " + String.join(", ", all.stream().sorted().toList())));
    }
    String sampler = oneOf(file, m, "sampler", "tpe", SAMPLERS, problems);
    String pruner = oneOf(file, m, "pruner", "none", PRUNERS, problems);
    int nTrials = (int) integer(file, m, "n_trials", 20, 1, problems);
    long seed = integer(file, m, "seed", defaultSeed, Long.MIN_VALUE, problems);
    Duration timeout = null;
    YamlNode t = m.get("timeout");
    if (t != null) {
      timeout = duration(t.text());
      if (timeout == null) problems.add(problem(file, t, "tune.timeout", t.show(), "bad_value", "timeout must be a positive number with s, m or h, e.g. 10m"));
    }
    TuneSplit split = split(file, m.get("split"), problems);
    SearchSpace space = space(file, m.get("space"), tune, problems);
    if (!problems.isEmpty()) throw new BadInputException(problems, "see the tune section format in README.md, section Tuning");
    return new TuneConfig(family, variant, params, metric, MAXIMISED.contains(metric), sampler, nTrials, timeout, seed, split, pruner, space);
  }

  private static TuneSplit split(String file, YamlNode s, List<Problem> problems) {
    if (s == null || "holdout".equals(s.text())) return TuneSplit.HOLDOUT;
    if (s.map() != null && s.map().size() == 1 && s.map().containsKey("walk_forward")) {
      YamlNode n = s.map().get("walk_forward");
      Long folds = parseLong(n.text());
      if (folds != null && folds >= 1 && folds <= 50) return new TuneSplit(folds.intValue());
      problems.add(problem(file, n, "tune.split.walk_forward", n.show(), "bad_value", "walk_forward takes a number of folds from 1 to 50"));
      return TuneSplit.HOLDOUT;
    }
    problems.add(problem(file, s, "tune.split", s.show(), "bad_value", "split must be holdout or {walk_forward: FOLDS}"));
    return TuneSplit.HOLDOUT;
  }

  private static SearchSpace space(String file, YamlNode s, YamlNode tune, List<Problem> problems) {
    if (s == null || s.map() == null || s.map().isEmpty()) {
      problems.add(problem(file, s == null ? tune : s, "tune.space", s == null ? "" : s.show(), "bad_space",
          "space must map each tuned parameter to a range, e.g. num_leaves: {int: [8, 128]}"));
      return null;
    }
    List<Dimension> dims = new ArrayList<>();
    for (Map.Entry<String, YamlNode> e : s.map().entrySet()) {
      String name = e.getKey();
      String path = "tune.space." + name;
      YamlNode def = e.getValue();
      Map<String, YamlNode> dm = def.map();
      if (dm == null) {
        problems.add(problem(file, def, path, def.show(), "bad_dimension", "'" + name + "' must be a map with one of " + String.join(", ", KINDS) + ", e.g. {int: [8, 128]}"));
        continue;
      }
      String kind = null;
      boolean ok = true;
      for (Map.Entry<String, YamlNode> k : def.keys().entrySet()) {
        if (KINDS.contains(k.getKey())) {
          if (kind != null) {
            problems.add(problem(file, k.getValue(), path, k.getKey(), "bad_dimension", "'" + name + "' gives both " + kind + " and " + k.getKey()));
            ok = false;
          }
          kind = k.getKey();
        } else if (!k.getKey().equals("when")) {
          problems.add(problem(file, k.getValue(), path + "." + k.getKey(), k.getKey(), "unknown_key",
              "unknown key '" + k.getKey() + "' in '" + name + "'; valid: " + String.join(", ", KINDS) + ", when"));
          ok = false;
        }
      }
      if (kind == null) {
        if (ok) problems.add(problem(file, def, path, def.show(), "bad_dimension", "'" + name + "' names no kind; valid: " + String.join(", ", KINDS)));
        continue;
      }
      Dimension d = dimension(file, path + "." + kind, name, kind, dm.get(kind), problems);
      if (d == null) continue;
      YamlNode when = dm.get("when");
      if (when != null) {
        if (when.map() == null || when.map().size() != 1) {
          problems.add(problem(file, when, path + ".when", when.show(), "bad_condition", "when takes one earlier parameter and its value(s), e.g. when: {boosting: dart}"));
          continue;
        }
        Map.Entry<String, YamlNode> w = when.map().entrySet().iterator().next();
        Set<String> values = new LinkedHashSet<>();
        if (w.getValue().list() != null) for (YamlNode v : w.getValue().list()) values.add(v.show());
        else values.add(w.getValue().show());
        Dimension parent = null;
        for (Dimension earlier : dims) if (earlier.name().equals(w.getKey())) parent = earlier;
        if (parent == null) {
          problems.add(problem(file, when, path + ".when", w.getKey(), "unknown_parent", "'" + name + "' depends on '" + w.getKey()
              + "', which is not a parameter written before it; earlier parameters: " + dims.stream().map(Dimension::name).toList()));
          continue;
        }
        if (parent.kind() == Dimension.Kind.CATEGORICAL && !parent.choices().containsAll(values)) {
          problems.add(problem(file, w.getValue(), path + ".when." + w.getKey(), w.getValue().show(), "bad_condition",
              "'" + w.getKey() + "' never takes " + values + "; its choices: " + parent.choices()));
          continue;
        }
        d = d.when(w.getKey(), values);
      }
      dims.add(d);
    }
    return problems.isEmpty() ? new SearchSpace(dims) : null;
  }

  private static Dimension dimension(String file, String path, String name, String kind, YamlNode range, List<Problem> problems) {
    List<YamlNode> l = range.list();
    if (kind.equals("choice")) {
      if (l == null || l.isEmpty()) {
        problems.add(problem(file, range, path, range.show(), "bad_dimension", "choice takes a non-empty list, e.g. {choice: [gbdt, dart]}"));
        return null;
      }
      List<String> choices = new ArrayList<>();
      for (YamlNode c : l) choices.add(c.show());
      if (new LinkedHashSet<>(choices).size() != choices.size()) {
        problems.add(problem(file, range, path, range.show(), "bad_dimension", "the choices of '" + name + "' must be distinct"));
        return null;
      }
      return Dimension.categorical(name, choices);
    }
    boolean log = kind.startsWith("log_");
    boolean integer = kind.endsWith("int");
    Double low = l != null && l.size() == 2 ? parseDouble(l.get(0).text()) : null;
    Double high = l != null && l.size() == 2 ? parseDouble(l.get(1).text()) : null;
    String example = integer ? "[8, 128]" : "[0.01, 0.3]";
    if (low == null || high == null) {
      problems.add(problem(file, range, path, range.show(), "bad_dimension", kind + " takes [low, high] (inclusive), e.g. {" + kind + ": " + example + "}"));
      return null;
    }
    if (integer && (low != Math.rint(low) || high != Math.rint(high))) {
      problems.add(problem(file, range, path, range.show(), "bad_dimension", kind + " bounds must be whole numbers"));
      return null;
    }
    if (integer ? low > high : low >= high) {
      problems.add(problem(file, range, path, range.show(), "bad_dimension", "need low " + (integer ? "<=" : "<") + " high"));
      return null;
    }
    if (log && low <= 0) {
      problems.add(problem(file, range, path, range.show(), "bad_dimension", kind + " needs low > 0"));
      return null;
    }
    return integer ? Dimension.integer(name, low.intValue(), high.intValue(), log) : Dimension.real(name, low, high, log);
  }

  private static String text(String file, Map<String, YamlNode> m, String key, String fallback, List<Problem> problems) {
    YamlNode n = m.get(key);
    if (n == null) return fallback;
    if (n.text() == null || n.text().isBlank()) {
      problems.add(problem(file, n, "tune." + key, n.show(), "bad_value", key + " must be a word, got " + n.show()));
      return fallback;
    }
    return n.text();
  }

  private static String oneOf(String file, Map<String, YamlNode> m, String key, String fallback, List<String> valid, List<Problem> problems) {
    String v = text(file, m, key, fallback, problems);
    if (v != null && !valid.contains(v)) {
      problems.add(problem(file, m.get(key), "tune." + key, v, "bad_value", key + " '" + v + "' is not one of " + String.join(", ", valid)));
      return fallback;
    }
    return v;
  }

  private static long integer(String file, Map<String, YamlNode> m, String key, long fallback, long min, List<Problem> problems) {
    YamlNode n = m.get(key);
    if (n == null) return fallback;
    Long v = parseLong(n.text());
    if (v == null || v < min) {
      problems.add(problem(file, n, "tune." + key, n.show(), "bad_value", key + " must be a whole number" + (min > Long.MIN_VALUE ? " >= " + min : "")));
      return fallback;
    }
    return v;
  }

  /** {@code 90s}, {@code 10m}, {@code 2h} or a bare number of seconds; null when not positive or not of that form. */
  static Duration duration(String text) {
    if (text == null) return null;
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = t.endsWith("h") ? 3600 : t.endsWith("m") ? 60 : 1;
    if (t.endsWith("h") || t.endsWith("m") || t.endsWith("s")) t = t.substring(0, t.length() - 1);
    Double v = parseDouble(t);
    if (v == null || !(v > 0)) return null;
    return Duration.ofMillis(Math.round(v * unit * 1000));
  }

  private static Long parseLong(String s) {
    try {
      return s == null ? null : Long.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String s) {
    try {
      Double d = s == null ? null : Double.valueOf(s.trim());
      return d != null && Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Problem problem(String file, YamlNode at, String key, String value, String rule, String message) {
    long line = at == null ? 0 : at.line();
    String column = at == null ? key : key + " (column " + at.column() + ")";
    return new Problem(Where.cell(file, line, column), value, rule, message);
  }
}
