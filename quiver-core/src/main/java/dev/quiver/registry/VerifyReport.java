package dev.quiver.registry;

import dev.quiver.error.Problem;
import java.util.List;

/**
 * The result of checking every registered version's files against its checksums: how many
 * versions were checked, every failing file (missing, changed, truncated, unexpected), and the
 * folders on disk that the index does not list (left by an interrupted write; harmless, removed
 * by {@link ModelRegistry#removeOrphans}).
 */
public record VerifyReport(int checked, List<Problem> failures, List<String> orphans) {

  public VerifyReport {
    failures = List.copyOf(failures);
    orphans = List.copyOf(orphans);
  }

  public boolean ok() {
    return failures.isEmpty();
  }
}
