package dev.quiver.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The built-in feature names: sets ({@code seed12}), fixed names ({@code macd_line},
 * {@code minute_of_day}, ...) and window patterns ({@code sma_N}, {@code ret_K}, ...) whose N is
 * written in decimal without leading zeros, from the pattern's minimum up to {@link #MAX_WINDOW}.
 * Each feature class states its convention in its Javadoc. Immutable and thread-safe.
 */
public final class FeatureLibrary {

  /** The largest window or lag a pattern accepts. */
  public static final int MAX_WINDOW = 10_000;

  /** A name pattern {@code <prefix>_N} with the smallest N it accepts. */
  public record Pattern(String prefix, String letter, int min, IntFunction<Feature> make) {

    /** How the pattern is written in help and errors, e.g. {@code sma_N}. */
    public String display() {
      return prefix + "_" + letter;
    }
  }

  private static final Map<String, List<Feature>> SETS = Map.of(Seed12.SET_NAME, Seed12.features());

  private static final Map<String, Feature> FIXED = fixed();

  private static final List<Pattern> PATTERNS = List.of(
      new Pattern("sma", "N", 1, Sma::new),
      new Pattern("ema", "N", 1, Ema::new),
      new Pattern("rsi", "N", 1, WilderRsi::new),
      new Pattern("bb_middle", "N", 1, n -> new Bollinger(Bollinger.Band.MIDDLE, n)),
      new Pattern("bb_upper", "N", 1, n -> new Bollinger(Bollinger.Band.UPPER, n)),
      new Pattern("bb_lower", "N", 1, n -> new Bollinger(Bollinger.Band.LOWER, n)),
      new Pattern("bb_pctb", "N", 1, n -> new Bollinger(Bollinger.Band.PCTB, n)),
      new Pattern("atr", "N", 1, Atr::new),
      new Pattern("ret", "K", 1, SimpleReturn::new),
      new Pattern("logret", "K", 1, LogReturn::new),
      new Pattern("ret_std", "N", 2, ReturnStd::new),
      new Pattern("zscore", "N", 2, ZScore::new),
      new Pattern("volume_zscore", "N", 2, VolumeZScore::new),
      new Pattern("skew", "N", 3, Skew::new),
      new Pattern("cp_prob", "N", 2, n -> new ChangePoint(ChangePoint.Output.PROBABILITY, n)),
      new Pattern("cp_run", "N", 2, n -> new ChangePoint(ChangePoint.Output.RUN_LENGTH, n)));

  private FeatureLibrary() {}

  private static Map<String, Feature> fixed() {
    Map<String, Feature> m = new LinkedHashMap<>();
    for (Feature f : Seed12.features()) m.put(f.name(), f);
    for (Macd.Output o : Macd.Output.values()) m.put(o.featureName(), new Macd(o));
    for (CalendarFeature.Field f : CalendarFeature.Field.values()) m.put(f.featureName(), new CalendarFeature(f));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Set names and their features in order. */
  public static Map<String, List<Feature>> sets() {
    return SETS;
  }

  /** Features with a fixed name (the seed12 columns, MACD, calendar fields). */
  public static Map<String, Feature> fixedNames() {
    return FIXED;
  }

  /** The window patterns. */
  public static List<Pattern> patterns() {
    return PATTERNS;
  }

  /** The patterns as written in help, e.g. {@code [sma_N, ema_N, ...]}. */
  public static List<String> patternDisplays() {
    List<String> out = new ArrayList<>();
    for (Pattern p : PATTERNS) out.add(p.display());
    return out;
  }

  /** The pattern whose prefix is exactly {@code prefix}, or null. */
  static Pattern pattern(String prefix) {
    for (Pattern p : PATTERNS) if (p.prefix().equals(prefix)) return p;
    return null;
  }
}
