package dev.quiver.preprocess;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a preprocessing pipeline does, in order: the steps of a spec such as
 * {@code impute=median,scale=robust,clip=0.01,select=top:8}. Steps:
 * <ul>
 *   <li>{@code impute=mean|median|zero}: missing values (NaN) become the training column's mean,
 *       median or 0;</li>
 *   <li>{@code scale=standard|robust}: subtract the mean and divide by the population standard
 *       deviation (ddof = 0, as scikit-learn's StandardScaler), or subtract the median and divide by
 *       the interquartile range q75 - q25 (RobustScaler); a zero spread divides by 1;</li>
 *   <li>{@code clip=Q} (0 &lt; Q &lt; 0.5): values below the training column's Q quantile or above its
 *       1 - Q quantile are set to those bounds;</li>
 *   <li>{@code select=top:K}: keep the K columns with the largest absolute Pearson correlation with
 *       the training target (after the steps before it), in their original order;
 *       {@code select=names:a|b|c}: keep those columns.</li>
 * </ul>
 * Every statistic comes from the training rows only, ignoring NaN; quantiles interpolate linearly
 * between order statistics (numpy's default). The spec's text is its canonical form.
 */
public record PreprocessSpec(List<Step> steps) {

  /** One step as written: {@code kind=argument}. */
  public record Step(String kind, String argument) {}

  public PreprocessSpec {
    steps = List.copyOf(steps);
  }

  /** Parses a comma-separated spec; every malformed step is reported at once. */
  public static PreprocessSpec parse(String text) {
    if (text == null || text.isBlank()) throw new BadInputException(Where.none(), "empty preprocessing spec", "e.g. impute=median,scale=robust,clip=0.01,select=top:8");
    List<Step> steps = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (String raw : text.split(",")) {
      String part = raw.trim();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        bad.add("'" + part + "' is not kind=argument");
        continue;
      }
      String kind = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String arg = part.substring(eq + 1).trim();
      String problem = check(kind, arg);
      if (problem != null) bad.add(problem);
      else steps.add(new Step(kind, kind.equals("select") ? arg : arg.toLowerCase(Locale.ROOT)));
    }
    if (!bad.isEmpty()) {
      throw new BadInputException(Where.none(), "bad preprocessing spec '" + text + "': " + String.join("; ", bad),
          "steps: impute=mean|median|zero, scale=standard|robust, clip=Q (0<Q<0.5), select=top:K or select=names:a|b");
    }
    return new PreprocessSpec(steps);
  }

  private static String check(String kind, String arg) {
    switch (kind) {
      case "impute":
        return List.of("mean", "median", "zero").contains(arg.toLowerCase(Locale.ROOT)) ? null : "impute takes mean, median or zero, not '" + arg + "'";
      case "scale":
        return List.of("standard", "robust").contains(arg.toLowerCase(Locale.ROOT)) ? null : "scale takes standard or robust, not '" + arg + "'";
      case "clip":
        try {
          double q = Double.parseDouble(arg);
          return q > 0 && q < 0.5 ? null : "clip takes a quantile in (0, 0.5), not " + arg;
        } catch (NumberFormatException e) {
          return "clip takes a quantile in (0, 0.5), not '" + arg + "'";
        }
      case "select":
        if (arg.startsWith("top:")) {
          try {
            return Integer.parseInt(arg.substring(4)) >= 1 ? null : "select=top:K needs K >= 1";
          } catch (NumberFormatException e) {
            return "select=top:K needs an integer K, not '" + arg.substring(4) + "'";
          }
        }
        if (arg.startsWith("names:") && arg.length() > 6) return null;
        return "select takes top:K or names:a|b, not '" + arg + "'";
      default:
        return "unknown step '" + kind + "' (steps: impute, scale, clip, select)";
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      if (sb.length() > 0) sb.append(',');
      sb.append(s.kind()).append('=').append(s.argument());
    }
    return sb.toString();
  }
}
