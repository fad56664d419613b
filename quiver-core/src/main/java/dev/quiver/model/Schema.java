package dev.quiver.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs a fitted model expects: feature names in column order, and its task; {@code classes}
 * is the class count K of a {@link Task#MULTICLASS} model (its predictions carry K probabilities
 * per row) and 0 otherwise, left out of the JSON when 0.
 */
public record Schema(List<String> features, Task task, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int classes) {

  public Schema {
    features = List.copyOf(features);
    if ((task == Task.MULTICLASS) != (classes >= 2) || classes < 0) {
      throw new IllegalArgumentException("a " + task + " schema cannot have " + classes + " classes");
    }
  }

  /** A schema of a task without classes (binary or regression). */
  public Schema(List<String> features, Task task) {
    this(features, task, 0);
  }

  /**
   * Fails naming every difference when {@code x}'s columns are not this schema's features: the
   * missing columns, the extra ones, or (same set, other order) the first misplaced column.
   */
  public void check(Matrix x) {
    checkColumns(features, x.names());
  }

  /** {@link #check} on bare name lists: {@code actual} must equal {@code expected}, in order. */
  public static void checkColumns(List<String> expected, List<String> actual) {
    if (actual.equals(expected)) return;
    Set<String> want = new LinkedHashSet<>(expected);
    Set<String> have = new LinkedHashSet<>(actual);
    List<String> missing = new ArrayList<>();
    for (String f : want) if (!have.contains(f)) missing.add(f);
    List<String> extra = new ArrayList<>();
    for (String f : have) if (!want.contains(f)) extra.add(f);
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) parts.add("missing column" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
    if (!extra.isEmpty()) parts.add("extra column" + (extra.size() > 1 ? "s " : " ") + quoted(extra));
    if (parts.isEmpty()) {
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        if (!expected.get(i).equals(actual.get(i))) {
          parts.add("columns reordered: column " + i + " is '" + actual.get(i) + "' but the model expects '" + expected.get(i) + "' there");
          break;
        }
      }
      if (parts.isEmpty()) parts.add("duplicate columns in " + quoted(actual));
    }
    throw new BadInputException(Where.none(), "the input does not match the model's schema: " + String.join("; ", parts),
        "give exactly these columns in this order: " + String.join(",", expected));
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) q.add("'" + n + "'");
    return String.join(", ", q);
  }
}
