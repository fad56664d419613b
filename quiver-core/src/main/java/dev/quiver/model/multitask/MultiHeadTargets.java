package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The auxiliary targets of a multi-task family, read from its {@code targets} parameter (a
 * comma-separated subset of {@code tth}, {@code mdd}, {@code mfe}, each once): head name to the
 * label spec the family asks for, over the main label's horizon {@code H} ({@code tth:H,B} with
 * the family's {@code tth_barrier} B, {@code mdd:H}, {@code mfe:H}). Stateless.
 */
public final class MultiHeadTargets {

  /** The head names a multi-task family can learn. */
  public static final List<String> KINDS = List.of("tth", "mdd", "mfe");

  private MultiHeadTargets() {}

  /** Head name to label spec, in the order written; fails naming the valid heads. */
  public static Map<String, String> parse(String family, String targets, double tthBarrier) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : targets.split(",")) {
      String t = raw.trim().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) continue;
      if (!KINDS.contains(t)) throw BadInputException.unknown(family + " target", t, KINDS);
      if (out.containsKey(t)) throw new BadInputException(Where.none(), family + " target '" + t + "' is named twice", "name each of " + KINDS + " once");
      out.put(t, switch (t) {
        case "tth" -> "tth:H," + BigDecimal.valueOf(tthBarrier).stripTrailingZeros().toPlainString();
        default -> t + ":H";
      });
    }
    if (out.isEmpty()) throw new BadInputException(Where.none(), family + " needs at least one target, got '" + targets + "'", "e.g. targets=tth,mdd,mfe");
    return out;
  }

  /** The label specs of {@link #parse}, in order. */
  public static List<String> specs(String family, String targets, double tthBarrier) {
    return new ArrayList<>(parse(family, targets, tthBarrier).values());
  }
}
