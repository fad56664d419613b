package dev.quiver.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns out-of-sample figures into a {@link Grade}, a pure function that explains itself.
 *
 * <p>The rubric is a ladder of levels S, A+, A, A-, B+, B, B-, C+, C (all nine, in that order),
 * each with five rules, all of which must hold:
 * {@code deflatedSharpe >= minDeflatedSharpe}, {@code sharpe >= minSharpe},
 * {@code maxDrawdown >= minMaxDrawdown} (drawdowns are negative: -0.15 allows a 15% fall),
 * {@code hitRate >= minHitRate} and {@code foldSharpeStd <= maxFoldSharpeStd}. Every bound is
 * inclusive. The grade is the first level whose rules all hold. Then:
 *
 * <ul>
 *   <li>F when the Sharpe ratio is undefined or <= 0, whatever else;
 *   <li>D when the Sharpe ratio is positive but not even level C holds;
 *   <li>a NaN figure fails its rule, except the fold stability, which is skipped (and said so)
 *       when NaN (a single fold); an infinite bound (-Infinity for a minimum, +Infinity for the
 *       maximum) switches its rule off;
 *   <li>the grade is capped at C when the test had fewer than {@code minTrades} trades or fewer
 *       than {@code minSamples} return periods: too little evidence for more.
 * </ul>
 *
 * Levels must not loosen upwards: each bound of a level is at least as strict as the level below
 * it, so a better grade always implies every worse one. Immutable and thread-safe.
 *
 * <p>Defaults ({@link #DEFAULT}), with annualised Sharpe ratios:
 *
 * <pre>
 * grade  deflated Sharpe  Sharpe  max drawdown  hit rate  fold Sharpe std
 * S      0.99             3.00    -0.10         0.55      0.50
 * A+     0.975            2.50    -0.12         0.54      0.75
 * A      0.95             2.00    -0.15         0.53      1.00
 * A-     0.90             1.75    -0.18         0.52      1.25
 * B+     0.80             1.50    -0.20         0.51      1.50
 * B      0.70             1.25    -0.25         0.50      1.75
 * B-     0.60             1.00    -0.30         0.50      2.00
 * C+     0.50             0.75    -0.35         0.49      2.50
 * C      0.00             0.50    -0.40         0.48      3.00
 * D      Sharpe &gt; 0 but below C;  F  Sharpe &lt;= 0 or undefined
 * at most C with fewer than 30 test trades or 250 test return periods
 * </pre>
 */
public record GradeRubric(List<Level> levels, long minTrades, long minSamples) {

  /** One level of the ladder: the bounds a result must meet to earn {@code grade}. */
  public record Level(Grade grade, double minDeflatedSharpe, double minSharpe, double minMaxDrawdown, double minHitRate,
      double maxFoldSharpeStd) {

    public Level {
      if (Double.isNaN(minDeflatedSharpe) || Double.isNaN(minSharpe) || Double.isNaN(minMaxDrawdown) || Double.isNaN(minHitRate)
          || Double.isNaN(maxFoldSharpeStd)) {
        throw new IllegalArgumentException("level " + grade + " has a NaN bound");
      }
    }
  }

  private static final Grade[] LADDER = {Grade.S, Grade.A_PLUS, Grade.A, Grade.A_MINUS, Grade.B_PLUS, Grade.B, Grade.B_MINUS,
      Grade.C_PLUS, Grade.C};

  public static final GradeRubric DEFAULT = new GradeRubric(List.of(
      new Level(Grade.S, 0.99, 3.00, -0.10, 0.55, 0.50),
      new Level(Grade.A_PLUS, 0.975, 2.50, -0.12, 0.54, 0.75),
      new Level(Grade.A, 0.95, 2.00, -0.15, 0.53, 1.00),
      new Level(Grade.A_MINUS, 0.90, 1.75, -0.18, 0.52, 1.25),
      new Level(Grade.B_PLUS, 0.80, 1.50, -0.20, 0.51, 1.50),
      new Level(Grade.B, 0.70, 1.25, -0.25, 0.50, 1.75),
      new Level(Grade.B_MINUS, 0.60, 1.00, -0.30, 0.50, 2.00),
      new Level(Grade.C_PLUS, 0.50, 0.75, -0.35, 0.49, 2.50),
      new Level(Grade.C, 0.00, 0.50, -0.40, 0.48, 3.00)), 30, 250);

  public GradeRubric {
    levels = List.copyOf(levels);
    if (levels.size() != LADDER.length) throw new IllegalArgumentException("a rubric needs the " + LADDER.length + " levels S to C, got " + levels.size());
    for (int i = 0; i < LADDER.length; i++) {
      Level l = levels.get(i);
      if (l.grade() != LADDER[i]) throw new IllegalArgumentException("level " + (i + 1) + " must be " + LADDER[i] + ", got " + l.grade());
      if (i > 0) {
        Level up = levels.get(i - 1);
        if (up.minDeflatedSharpe() < l.minDeflatedSharpe() || up.minSharpe() < l.minSharpe() || up.minMaxDrawdown() < l.minMaxDrawdown()
            || up.minHitRate() < l.minHitRate() || up.maxFoldSharpeStd() > l.maxFoldSharpeStd()) {
          throw new IllegalArgumentException("level " + up.grade() + " is looser than " + l.grade() + " on some bound: " + up + " vs " + l);
        }
      }
    }
    if (minTrades < 0 || minSamples < 0) throw new IllegalArgumentException("minimum trades and samples must be >= 0, got " + minTrades + ", " + minSamples);
  }

  /** The level of one grade from S to C. */
  public Level level(Grade grade) {
    for (Level l : levels) if (l.grade() == grade) return l;
    throw new IllegalArgumentException(grade + " has no level (D and F are not levels)");
  }

  /** The grade of {@code in}, with the rule that decided it and the checks of the grade awarded. */
  public GradeResult grade(GradeInputs in) {
    if (Double.isNaN(in.sharpe()) || in.sharpe() <= 0) {
      return new GradeResult(Grade.F, Double.isNaN(in.sharpe()) ? "Sharpe undefined" : "Sharpe " + num(in.sharpe()) + " <= 0", List.of());
    }
    List<Check> above = null;
    for (Level level : levels) {
      List<Check> checks = check(level, in);
      if (allPass(checks)) {
        String decided = above == null ? "meets every S rule" : firstFailure(above);
        GradeResult earned = new GradeResult(level.grade(), decided, texts(checks));
        return capped(earned, in);
      }
      above = checks;
    }
    return new GradeResult(Grade.D, "Sharpe > 0 but " + firstFailure(above), texts(above));
  }

  private GradeResult capped(GradeResult r, GradeInputs in) {
    if (!r.grade().betterThan(Grade.C)) return r;
    if (in.trades() < minTrades) return new GradeResult(Grade.C, "capped at C: " + in.trades() + " trades < " + minTrades, r.checks());
    if (in.samples() < minSamples) return new GradeResult(Grade.C, "capped at C: " + in.samples() + " samples < " + minSamples, r.checks());
    return r;
  }

  private record Check(Grade grade, boolean pass, String text) {}

  private static List<Check> check(Level l, GradeInputs in) {
    List<Check> out = new ArrayList<>(5);
    out.add(atLeast(l.grade(), "deflated Sharpe", in.deflatedSharpe(), l.minDeflatedSharpe()));
    out.add(atLeast(l.grade(), "Sharpe", in.sharpe(), l.minSharpe()));
    out.add(atLeast(l.grade(), "max drawdown", in.maxDrawdown(), l.minMaxDrawdown()));
    out.add(atLeast(l.grade(), "hit rate", in.hitRate(), l.minHitRate()));
    double std = in.foldSharpeStd();
    double max = l.maxFoldSharpeStd();
    if (max == Double.POSITIVE_INFINITY) out.add(new Check(l.grade(), true, "fold Sharpe std not ruled"));
    else if (Double.isNaN(std)) out.add(new Check(l.grade(), true, "fold Sharpe std not measured (one fold)"));
    else out.add(new Check(l.grade(), std <= max, "fold Sharpe std " + shown(std, max) + (std <= max ? " <= " : " > ") + num(max)));
    return out;
  }

  private static Check atLeast(Grade g, String name, double value, double min) {
    if (min == Double.NEGATIVE_INFINITY) return new Check(g, true, name + " not ruled");
    if (Double.isNaN(value)) return new Check(g, false, name + " undefined");
    boolean pass = value >= min;
    return new Check(g, pass, name + " " + shown(value, min) + (pass ? " >= " : " < ") + num(min));
  }

  private static boolean allPass(List<Check> checks) {
    for (Check c : checks) if (!c.pass()) return false;
    return true;
  }

  private static String firstFailure(List<Check> checks) {
    for (Check c : checks) if (!c.pass()) return "not " + c.grade() + ": " + c.text();
    throw new IllegalStateException("no failing check");
  }

  private static List<String> texts(List<Check> checks) {
    List<String> out = new ArrayList<>(checks.size());
    for (Check c : checks) out.add(c.text());
    return out;
  }

  /** Up to 4 significant digits, trailing zeros dropped. */
  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) return s;
    if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s.equals("-0") ? "0" : s;
  }

  /** The value, in full when rounding would make it look equal to the bound it is compared with. */
  private static String shown(double value, double bound) {
    String s = num(value);
    return value != bound && s.equals(num(bound)) ? Double.toString(value) : s;
  }
}
