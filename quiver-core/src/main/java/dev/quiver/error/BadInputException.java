package dev.quiver.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Input the user can fix: a bad file, value, flag or config key. Carries every problem found
 * (collect them all, then throw once) and a hint on how to fix them. The CLI exits 2.
 */
public final class BadInputException extends QuiverException {

  private final List<Problem> problems;
  private final String fix;

  public BadInputException(Where where, String message, String fix) {
    this(List.of(new Problem(where, "", "bad_input", message)), fix);
  }

  public BadInputException(String message) {
    this(Where.none(), message, "");
  }

  public BadInputException(List<Problem> problems, String fix) {
    super(summary(problems, fix), null);
    if (problems.isEmpty()) throw new IllegalArgumentException("a BadInputException needs at least one problem");
    this.problems = List.copyOf(problems);
    this.fix = fix == null ? "" : fix;
  }

  public List<Problem> problems() {
    return problems;
  }

  public String fix() {
    return fix;
  }

  @Override
  public int exitCode() {
    return 2;
  }

  /**
   * An unknown name among known ones, with a "did you mean" suggestion when one is close.
   * Example: {@code unknown("lightgbm parameter", "num_leave", keys)}.
   */
  public static BadInputException unknown(String what, String given, Collection<String> valid) {
    List<String> sorted = new ArrayList<>(valid);
    sorted.sort(Comparator.naturalOrder());
    String near = NameSuggestion.closest(given, sorted);
    String message = "unknown " + what + " '" + given + "'" + (near == null ? "" : "; did you mean '" + near + "'?");
    return new BadInputException(Where.none(), message, "valid: " + String.join(", ", sorted));
  }

  private static String summary(List<Problem> problems, String fix) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(problems.size(), 20);
    for (int i = 0; i < shown; i++) {
      if (i > 0) sb.append('\n');
      Problem p = problems.get(i);
      String where = p.where().toString();
      sb.append(where.isEmpty() ? "" : where + ": ").append(p.message());
      if (!p.value().isEmpty() && !p.message().contains(p.value())) sb.append(" (value '").append(p.value()).append("')");
    }
    if (problems.size() > shown) sb.append("\n... and ").append(problems.size() - shown).append(" more problems");
    if (fix != null && !fix.isEmpty()) sb.append("\n").append("fix: ").append(fix);
    return sb.toString();
  }
}
