package dev.quiver.labels;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.util.List;

/**
 * Reads a label spec as users write it in configs and on the command line:
 *
 * <ul>
 *   <li>{@code direction}: {@link NextBarDirection};
 *   <li>{@code return:H}: {@link ForwardReturn} over H bars, e.g. {@code return:5};
 *   <li>{@code triple_barrier:PT,SL,H}: {@link TripleBarrier} with fixed barriers as fractions,
 *       e.g. {@code triple_barrier:0.01,0.01,20};
 *   <li>{@code triple_barrier:PT,SL,H,W}: volatility-scaled barriers (PT and SL in multiples of
 *       the W-bar return std), e.g. {@code triple_barrier:2,2,20,50};
 *   <li>{@code direction3:H:THRESH}: {@link DirectionClasses}, down / flat / up over H bars
 *       with a flat band of +-THRESH (a simple return), e.g. {@code direction3:1:0.0005};
 *   <li>{@code triple_barrier3:PT,SL,H} and {@code triple_barrier3:PT,SL,H,W}: the multiclass
 *       {@link TripleBarrier} (stop / timeout / profit);
 *   <li>{@code tth:H,B}: {@link TimeToHit}, bars until the close moves B (a fraction) either way
 *       within H bars, e.g. {@code tth:30,0.002};
 *   <li>{@code mdd:H}: {@link MaxDrawdown} of the close path over H bars;
 *   <li>{@code mfe:H}: {@link MaxFavourableExcursion} of the close path over H bars.
 * </ul>
 *
 * A label with classes (direction3, triple_barrier3) makes the task multiclass. Names are case-insensitive and spaces around values are ignored. Every labeler's {@link
 * Labeler#name()} parses back to an equal labeler.
 */
public final class Labelers {

  /** The accepted forms, for error messages and help text. */
  public static final List<String> FORMS = List.of("direction", "return:H", "triple_barrier:PT,SL,H", "triple_barrier:PT,SL,H,W",
      "direction3:H:THRESH", "triple_barrier3:PT,SL,H", "triple_barrier3:PT,SL,H,W", "tth:H,B", "mdd:H", "mfe:H");

  private static final String FIX = "write one of: " + String.join(", ", FORMS)
      + " (H = horizon in bars >= 1, THRESH = flat band as a return >= 0, PT/SL = profit-take/stop-loss > 0, W = volatility window >= 2, B = barrier fraction > 0)";

  private Labelers() {}

  public static Labeler parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    int colon = s.indexOf(':');
    String name = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
    String args = colon < 0 ? "" : s.substring(colon + 1).trim();
    switch (name) {
      case "direction" -> {
        if (colon >= 0) throw bad(spec, "'direction' takes no arguments");
        return new NextBarDirection();
      }
      case "return" -> {
        String[] a = split(spec, args, 1, 1);
        return new ForwardReturn(horizon(spec, a[0]));
      }
      case "direction3" -> {
        String[] a = split(spec, args.replace(':', ','), 2, 2);
        return new DirectionClasses(horizon(spec, a[0]), nonNegative(spec, "threshold", a[1]));
      }
      case "triple_barrier", "triple_barrier3" -> {
        String[] a = split(spec, args, 3, 4);
        double pt = positive(spec, "profit-take", a[0]);
        double sl = positive(spec, "stop-loss", a[1]);
        int h = horizon(spec, a[2]);
        int w = a.length == 4 ? window(spec, a[3]) : 0;
        if (w == 0 && sl >= 1) throw bad(spec, "a fixed stop-loss of " + a[1] + " is 100% or more; write it as a fraction (0.01 = 1%)");
        return new TripleBarrier(pt, sl, h, w, name.equals("triple_barrier3"));
      }
      case "tth" -> {
        String[] a = split(spec, args, 2, 2);
        return new TimeToHit(horizon(spec, a[0]), positive(spec, "barrier", a[1]));
      }
      case "mdd" -> {
        String[] a = split(spec, args, 1, 1);
        return new MaxDrawdown(horizon(spec, a[0]));
      }
      case "mfe" -> {
        String[] a = split(spec, args, 1, 1);
        return new MaxFavourableExcursion(horizon(spec, a[0]));
      }
      default -> throw new BadInputException(Where.none(), "unknown label '" + spec + "'", FIX);
    }
  }

  private static String[] split(String spec, String args, int min, int max) {
    String[] a = args.isEmpty() ? new String[0] : args.split(",", -1);
    if (a.length < min || a.length > max) {
      throw bad(spec, "expected " + (min == max ? String.valueOf(min) : min + " or " + max) + " comma-separated values after ':', got " + a.length);
    }
    for (int i = 0; i < a.length; i++) a[i] = a[i].trim();
    return a;
  }

  private static int horizon(String spec, String text) {
    int h = integer(spec, "horizon", text);
    if (h < 1) throw bad(spec, "horizon " + text + " must be at least 1 bar");
    return h;
  }

  private static int window(String spec, String text) {
    int w = integer(spec, "volatility window", text);
    if (w < 2) throw bad(spec, "volatility window " + text + " must be at least 2 bars");
    return w;
  }

  private static int integer(String spec, String what, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw bad(spec, what + " '" + text + "' is not a whole number");
    }
  }

  private static double positive(String spec, String what, String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(spec, what + " '" + text + "' is not a number");
    }
    if (!(v > 0) || Double.isInfinite(v)) throw bad(spec, what + " '" + text + "' must be a finite number > 0");
    return v;
  }

  private static double nonNegative(String spec, String what, String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(spec, what + " '" + text + "' is not a number");
    }
    if (!(v >= 0) || Double.isInfinite(v)) throw bad(spec, what + " '" + text + "' must be a finite number >= 0");
    return v;
  }

  /**
   * The class names of a multiclass label in class-id order (down/flat/up, stop/timeout/profit);
   * empty for a label without classes.
   */
  public static List<String> classes(Labeler labeler) {
    if (labeler instanceof DirectionClasses) return DirectionClasses.CLASSES;
    if (labeler instanceof TripleBarrier t && t.multiclass()) return TripleBarrier.CLASSES;
    return List.of();
  }

  private static BadInputException bad(String spec, String message) {
    return new BadInputException(Where.none(), "bad label '" + spec + "': " + message, FIX);
  }
}
