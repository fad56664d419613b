package dev.quiver.features;

import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.error.NameSuggestion;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered list of features with distinct names, computed together on one symbol's bars into
 * a {@link FeatureFrame} (one column per feature, in order). Built from a spec such as {@code
 * seed12,rsi_14,my_signal} by {@link #parse}. Immutable and thread-safe.
 */
public final class FeatureSet {

  private final List<Feature> features;
  private final List<String> names;

  private FeatureSet(List<Feature> features) {
    this.features = List.copyOf(features);
    List<String> n = new ArrayList<>(features.size());
    for (Feature f : features) n.add(f.name());
    if (new LinkedHashSet<>(n).size() != n.size()) throw new IllegalArgumentException("feature names repeat: " + n);
    this.names = List.copyOf(n);
  }

  /** A set of the given features in order; names must be distinct. */
  public static FeatureSet of(List<? extends Feature> features) {
    return new FeatureSet(new ArrayList<>(features));
  }

  /**
   * Parses a comma-separated spec of set names ({@code seed12}), feature names ({@code rsi_14},
   * {@code ema_26}, {@code atr_14}; see {@link FeatureLibrary}) and input column names (keys of
   * {@link Bars#extras()}, given as {@code extraColumns}), keeping the order asked and dropping
   * repeats (a set's features count as asked where the set is). Blank items are ignored. Every
   * unknown or out-of-range name, and every name that is both built in and an input column, is
   * reported in one {@link BadInputException} that lists the valid sets, names, patterns and
   * columns, with a did-you-mean where one is close.
   */
  public static FeatureSet parse(String spec, Collection<String> extraColumns) {
    Set<String> extras = extraColumns == null ? Set.of() : new LinkedHashSet<>(extraColumns);
    Map<String, Feature> chosen = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    String text = spec == null ? "" : spec;
    for (String raw : text.split(",", -1)) {
      String token = raw.trim();
      if (token.isEmpty()) continue;
      List<Feature> resolved = resolve(token, extras, problems);
      for (Feature f : resolved) chosen.putIfAbsent(f.name(), f);
    }
    if (problems.isEmpty() && chosen.isEmpty()) {
      problems.add(new Problem(Where.none(), text, "no_features", "no feature asked for (empty feature list '" + text + "')"));
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, validNames(extras));
    return new FeatureSet(new ArrayList<>(chosen.values()));
  }

  private static List<Feature> resolve(String token, Set<String> extras, List<Problem> problems) {
    List<Feature> builtIn = builtIn(token, problems);
    if (builtIn == null) return List.of();
    if (!builtIn.isEmpty() && extras.contains(token)) {
      problems.add(new Problem(Where.none(), token, "ambiguous_feature",
          "'" + token + "' is both a built-in feature and a column of the input; rename the column in the file"));
      return List.of();
    }
    if (!builtIn.isEmpty()) return builtIn;
    if (extras.contains(token)) return List.of(new InputColumn(token));
    String near = NameSuggestion.closest(token, candidates(token, extras));
    problems.add(new Problem(Where.none(), token, "unknown_feature",
        "unknown feature '" + token + "'" + (near == null ? "" : "; did you mean '" + near + "'?")));
    return List.of();
  }

  /** The built-in features a token names: empty when none, null when it was reported as a problem. */
  private static List<Feature> builtIn(String token, List<Problem> problems) {
    List<Feature> set = FeatureLibrary.sets().get(token);
    if (set != null) return set;
    Feature fixed = FeatureLibrary.fixedNames().get(token);
    if (fixed != null) return List.of(fixed);
    int cut = token.lastIndexOf('_');
    if (cut <= 0 || cut == token.length() - 1) return List.of();
    FeatureLibrary.Pattern pattern = FeatureLibrary.pattern(token.substring(0, cut));
    String digits = token.substring(cut + 1);
    if (pattern == null || !digits.chars().allMatch(Character::isDigit)) return List.of();
    boolean canonical = digits.charAt(0) != '0' && digits.length() <= 5;
    int n = canonical ? Integer.parseInt(digits) : -1;
    if (n < pattern.min() || n > FeatureLibrary.MAX_WINDOW) {
      String hint = canonical ? "" : " written without leading zeros";
      problems.add(new Problem(Where.none(), token, "feature_window_out_of_range",
          "the " + pattern.letter() + " of '" + pattern.display() + "' must be a whole number from " + pattern.min()
              + " to " + FeatureLibrary.MAX_WINDOW + hint + ", got '" + token + "'"));
      return null;
    }
    return List.of(pattern.make().apply(n));
  }

  private static List<String> candidates(String token, Set<String> extras) {
    List<String> c = new ArrayList<>(FeatureLibrary.sets().keySet());
    c.addAll(FeatureLibrary.fixedNames().keySet());
    String digits = token.replaceAll("[^0-9]", "");
    for (FeatureLibrary.Pattern p : FeatureLibrary.patterns()) {
      c.add(p.display());
      if (!digits.isEmpty()) c.add(p.prefix() + "_" + digits);
    }
    c.addAll(extras);
    return c;
  }

  private static String validNames(Set<String> extras) {
    StringBuilder sb = new StringBuilder("write a comma-separated list of sets, features and input columns. Sets: ");
    sb.append(String.join(", ", FeatureLibrary.sets().keySet()));
    sb.append(". Features: ").append(String.join(", ", FeatureLibrary.fixedNames().keySet()));
    sb.append(", ").append(String.join(", ", FeatureLibrary.patternDisplays()));
    sb.append(" (N, K from 1 to ").append(FeatureLibrary.MAX_WINDOW);
    List<String> stricter = new ArrayList<>();
    for (FeatureLibrary.Pattern p : FeatureLibrary.patterns()) {
      if (p.min() > 1) stricter.add(p.display() + " from " + p.min());
    }
    if (!stricter.isEmpty()) sb.append("; ").append(String.join(", ", stricter));
    sb.append("). Input columns: ");
    sb.append(extras.isEmpty() ? "none (the input has no extra numeric columns)" : String.join(", ", extras));
    return sb.toString();
  }

  /** Feature names, in order; these are the column names of {@link #compute}'s frame. */
  public List<String> names() {
    return names;
  }

  public List<Feature> features() {
    return features;
  }

  /** The largest lookback: the first row at which every feature can hold a value. */
  public int lookback() {
    int max = 0;
    for (Feature f : features) max = Math.max(max, f.lookback());
    return max;
  }

  /** Whether any feature reads volume. */
  public boolean needsVolume() {
    for (Feature f : features) if (f.readsVolume()) return true;
    return false;
  }

  /**
   * Computes every feature on {@code bars}: one new column per feature, in order, sharing
   * {@code bars.time()}. Throws {@link BadInputException} before computing anything when volume
   * features meet bars without volume (naming those features) or an input column is missing.
   */
  public FeatureFrame compute(Bars bars) {
    check(bars);
    int n = bars.size();
    List<double[]> columns = new ArrayList<>(features.size());
    double[][] seed12 = null;
    for (Feature f : features) {
      double[] column = new double[n];
      columns.add(column);
      int k = Seed12.column(f);
      if (k >= 0) {
        if (seed12 == null) seed12 = new double[Seed12Kernel.COLUMNS][];
        seed12[k] = column;
      }
    }
    // seed12 columns share window states: computed together, with the same bits as one by one
    if (seed12 != null) Seed12Kernel.compute(bars, seed12);
    for (int j = 0; j < features.size(); j++) {
      Feature f = features.get(j);
      if (Seed12.column(f) < 0) f.compute(bars, columns.get(j));
    }
    return new FeatureFrame(bars.symbol(), bars.time(), names, columns);
  }

  private void check(Bars bars) {
    List<Problem> problems = new ArrayList<>();
    if (needsVolume() && !bars.hasVolume()) {
      List<String> volumeFeatures = new ArrayList<>();
      for (Feature f : features) if (f.readsVolume()) volumeFeatures.add(f.name());
      problems.add(new Problem(Where.none(), String.join(",", volumeFeatures), "no_volume",
          "features " + String.join(", ", volumeFeatures) + " need volume, but the data of " + bars.symbol()
              + " has no volume"));
    }
    List<String> missing = new ArrayList<>();
    for (Feature f : features) {
      if (f instanceof InputColumn c && !bars.extras().containsKey(c.column())) missing.add(c.column());
    }
    if (!missing.isEmpty()) {
      problems.add(new Problem(Where.none(), String.join(",", missing), "missing_input_column",
          "the data of " + bars.symbol() + " has no column " + String.join(", ", missing)));
    }
    if (!problems.isEmpty()) {
      String columns = bars.extras().isEmpty() ? "it has no extra numeric columns" : "its extra columns are " + String.join(", ", bars.extras().keySet());
      throw new BadInputException(problems, "remove those features from the feature list, or use data that has them (" + columns + ")");
    }
  }

  @Override
  public String toString() {
    return String.join(",", names);
  }
}
