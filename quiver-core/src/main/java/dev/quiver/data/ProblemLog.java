package dev.quiver.data;

import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Row problems of one file, in line order when {@link #problems()} is asked; at most {@link ValidationReport#MAX_LISTED} kept. Not thread-safe. */
final class ProblemLog {

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private long total;

  ProblemLog(Path file) {
    this.file = String.valueOf(file);
  }

  void add(long line, String column, String value, ValidationRule rule, String message) {
    total++;
    if (problems.size() < ValidationReport.MAX_LISTED) {
      problems.add(new Problem(Where.cell(file, line, column), value, rule.id(), message));
    }
  }

  long total() {
    return total;
  }

  /** The problems sorted by line (stable: a row's problems keep the order they were found in). */
  List<Problem> problems() {
    problems.sort(Comparator.comparingLong(p -> p.where().line()));
    return problems;
  }

  /** A note when problems were left out of the list, else null. */
  String overflowNote() {
    if (total <= problems.size()) return null;
    return total + " problems in all; the first " + problems.size() + " are listed";
  }
}
