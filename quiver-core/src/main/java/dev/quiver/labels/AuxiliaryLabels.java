package dev.quiver.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the auxiliary label specs a family asks for ({@link
 * dev.quiver.model.ModelFamily#auxiliaryLabels}): a {@link Labelers} spec in which an argument
 * written {@code H} is the main label's horizon, so {@code mdd:H} with a 10-bar main label is
 * {@code mdd:10} and {@code tth:H,0.002} is {@code tth:10,0.002}. Stateless.
 */
public final class AuxiliaryLabels {

  private AuxiliaryLabels() {}

  /** The labeler of {@code spec} with every {@code H} argument replaced by {@code horizon}. */
  public static Labeler resolve(String spec, int horizon) {
    String s = spec.trim();
    int colon = s.indexOf(':');
    if (colon < 0) return Labelers.parse(s);
    String[] args = s.substring(colon + 1).split(",", -1);
    StringBuilder out = new StringBuilder(s.substring(0, colon + 1));
    for (int i = 0; i < args.length; i++) {
      String a = args[i].trim();
      if (i > 0) out.append(',');
      out.append(a.toUpperCase(Locale.ROOT).equals("H") ? String.valueOf(horizon) : a);
    }
    return Labelers.parse(out.toString());
  }

  /** The distinct specs of {@code lists}, in the order first asked for. */
  public static List<String> union(List<List<String>> lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) for (String s : l) if (!out.contains(s)) out.add(s);
    return out;
  }
}
