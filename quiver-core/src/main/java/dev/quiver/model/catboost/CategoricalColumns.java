package dev.quiver.model.catboost;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The columns declared categorical by {@code cat_features} and their int category codes. A cell
 * of such a column must hold a whole number (the code, e.g. a symbol index, a session or a regime
 * id); NaN is its own category, {@link #MISSING}.
 */
final class CategoricalColumns {

  /** The code of a missing (NaN) cell. */
  static final int MISSING = Integer.MIN_VALUE;

  private CategoricalColumns() {}

  /**
   * The ascending column indices named by {@code spec}: comma-separated feature names or 0-based
   * column indices; blank means none. Unknown names and indices out of range fail, naming the
   * valid ones.
   */
  static int[] resolve(String spec, List<String> names) {
    TreeSet<Integer> cols = new TreeSet<>();
    if (spec.isBlank()) return new int[0];
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      int byName = names.indexOf(p);
      if (byName >= 0) {
        cols.add(byName);
        continue;
      }
      int index;
      try {
        index = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw BadInputException.unknown("cat_features column", p, names);
      }
      if (index < 0 || index >= names.size()) {
        throw new BadInputException(Where.none(), "cat_features index " + index + " is outside the " + names.size() + " feature columns",
            "give a 0-based index below " + names.size() + " or a feature name: " + names);
      }
      cols.add(index);
    }
    int[] out = new int[cols.size()];
    int k = 0;
    for (int c : cols) out[k++] = c;
    return out;
  }

  /** The codes of column {@code col} of {@code x}; a cell that is not a whole int adds a problem naming {@code rowsName}, the 1-based row and the column. */
  static int[] codes(Matrix x, int col, String rowsName, List<Problem> problems) {
    int rows = x.rows();
    int[] out = new int[rows];
    String name = x.names().get(col);
    for (int r = 0; r < rows; r++) {
      float v = x.get(r, col);
      if (Float.isNaN(v)) {
        out[r] = MISSING;
      } else if (v == Math.rint(v) && v > Integer.MIN_VALUE && v < Integer.MAX_VALUE) {
        out[r] = (int) v;
      } else {
        out[r] = MISSING;
        if (problems.size() < 20) {
          problems.add(new Problem(Where.cell(rowsName, r + 1L, name), String.valueOf(v), "category_not_integer",
              "a categorical column must hold whole-number category codes"));
        }
      }
    }
    return out;
  }

  /** Throws once with every collected problem. */
  static void failOn(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new BadInputException(new ArrayList<>(problems),
          "encode categories as whole numbers (symbol or regime index), or drop the column from cat_features");
    }
  }
}
