package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's grade: a letter on the scale {@link #SCALE} (S best, F worst) or {@value #UNGRADED},
 * with the numbers it was decided from (e.g. sharpe, max_drawdown, hit_rate; NaN allowed) and
 * the rule that decided it, in words. Until out-of-sample judgement grades models, they are
 * registered ungraded.
 */
public record Grade(String letter, Map<String, Double> numbers, String basis) {

  /** Best first. */
  public static final List<String> SCALE = List.of("S", "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "D", "F");
  public static final String UNGRADED = "ungraded";

  public Grade {
    letter = checkLetter(letter);
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers == null ? Map.of() : numbers));
    basis = basis == null ? "" : basis;
  }

  public static Grade ungraded() {
    return new Grade(UNGRADED, Map.of(), "not judged out of sample yet");
  }

  public boolean graded() {
    return !letter.equals(UNGRADED);
  }

  /** 0 for S up to 10 for F; ungraded ranks below F. */
  public static int rank(String letter) {
    int i = SCALE.indexOf(letter);
    return i >= 0 ? i : SCALE.size();
  }

  /** True when {@code letter} is graded and at least as good as {@code minimum} (a scale letter). */
  public static boolean atLeast(String letter, String minimum) {
    return !UNGRADED.equals(letter) && rank(letter) <= rank(checkLetter(minimum));
  }

  /** The letter, upper-cased, if it is on the scale or "ungraded"; bad input otherwise. */
  public static String checkLetter(String letter) {
    if (letter == null || letter.isBlank() || letter.equalsIgnoreCase(UNGRADED)) return UNGRADED;
    String l = letter.trim().toUpperCase(java.util.Locale.ROOT);
    if (!SCALE.contains(l)) throw BadInputException.unknown("grade", letter, SCALE);
    return l;
  }
}
