package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What validation found in one file. Each problem names the file, the 1-based line in the file
 * (the header is line 1; for Parquet the 1-based row number), the column name as written, the
 * value as written and the rule id ({@link ValidationRule#id()}). A row that breaks several
 * rules gives several problems. Notes are file-level remarks that are not problems (no volume,
 * zero-volume bars, ignored columns, how many rows a policy dropped or repaired).
 *
 * <p>At most {@link #MAX_LISTED} problems are listed; a note then gives the total.
 *
 * @param rowsRead data rows read (for ticks: trades)
 * @param rowsKept rows that went into the series (for ticks: trades aggregated)
 * @param rowsRepaired rows kept after clamping under {@link Policy#REPAIR}
 */
public record ValidationReport(Path file, Policy policy, long rowsRead, long rowsKept,
    List<Problem> problems, List<String> notes, long rowsRepaired) {

  public static final int MAX_LISTED = 100_000;

  public ValidationReport {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public ValidationReport(Path file, Policy policy, long rowsRead, long rowsKept, List<Problem> problems, List<String> notes) {
    this(file, policy, rowsRead, rowsKept, problems, notes, 0);
  }

  /** True when no row broke a rule. */
  public boolean clean() {
    return problems.isEmpty();
  }

  /** Listed problems per rule id, in order of first occurrence. */
  public Map<String, Long> countsByRule() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Problem p : problems) counts.merge(p.rule(), 1L, Long::sum);
    return counts;
  }

  /**
   * Under {@link Policy#FAIL}, throws a {@link BadInputException} carrying every listed problem
   * when there is any; otherwise does nothing.
   */
  public void throwIfFailed() {
    if (policy == Policy.FAIL && !problems.isEmpty()) {
      throw new BadInputException(problems,
          "fix the rows listed, or rerun with --policy drop (drop them) or --policy repair "
              + "(clamp high/low of inconsistent bars, drop the rest)");
    }
  }
}
