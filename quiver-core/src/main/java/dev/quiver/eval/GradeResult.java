package dev.quiver.eval;

import java.util.List;

/**
 * A grade and why. {@code decidedBy} is the one rule that settled it, with its numbers (e.g.
 * {@code "A: Sharpe 1.8 < 2"}, the first rule of the next better grade that was missed, or
 * {@code "capped at C: 12 trades < 30"}); {@code checks} lists every rule of the grade awarded
 * (or, for D, of C) as it was checked.
 */
public record GradeResult(Grade grade, String decidedBy, List<String> checks) {

  public GradeResult {
    checks = List.copyOf(checks);
  }

  /** One line: the grade, the deciding rule, then the checks. */
  public String explanation() {
    return grade.label() + " (" + decidedBy + ")" + (checks.isEmpty() ? "" : "; " + String.join(", ", checks));
  }
}
