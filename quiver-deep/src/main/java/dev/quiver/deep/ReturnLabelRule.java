package dev.quiver.deep;

import dev.quiver.model.Matrix;
import dev.quiver.model.RowKeys;
import dev.quiver.model.Task;

/**
 * How a row's label follows from the one-bar returns of the {@code horizon} bars after it, so
 * that a synthetic return path can be labelled as the real rows are. With {@code c = prod(1 +
 * r[i+1..i+horizon]) - 1}, the compounded simple return: {@code DIRECTION} gives 1 when {@code c >
 * 0} and else 0 (the next-bar direction label at horizon 1), {@code SIMPLE} gives {@code c} (the
 * forward return label), {@code LOG} gives {@code log(1 + c)}. {@link #match} finds which of them
 * reproduces the real labels. Immutable.
 */
record ReturnLabelRule(Kind kind, int horizon) {

  enum Kind { DIRECTION, SIMPLE, LOG }

  /** The rule that best reproduces the real labels, with the share of checked rows it reproduces and how many rows were checked. */
  record Match(ReturnLabelRule rule, double agreement, int checked) {}

  ReturnLabelRule {
    if (horizon < 1) throw new IllegalArgumentException("horizon " + horizon + " < 1");
  }

  /** The label of the path {@code returns[from..from+horizon)}. */
  float label(double[] returns, int from) {
    double growth = 1;
    for (int k = 0; k < horizon; k++) growth *= 1 + returns[from + k];
    double c = growth - 1;
    return switch (kind) {
      case DIRECTION -> c > 0 ? 1f : 0f;
      case SIMPLE -> (float) c;
      case LOG -> (float) Math.log1p(c);
    };
  }

  /**
   * Compares each candidate rule (DIRECTION for binary targets, SIMPLE and LOG for regression)
   * with the real targets {@code y} of the rows of {@code returns} (a one-column view whose backing
   * array holds the later rows too): row i is checked when the {@code horizon} rows after it in the
   * array are of the same series and finite. A row's later returns are read only to check the
   * rule, never to train.
   */
  static Match match(Matrix returns, float[] y, Task task, int horizon) {
    Kind[] kinds = task == Task.BINARY ? new Kind[] {Kind.DIRECTION} : new Kind[] {Kind.SIMPLE, Kind.LOG};
    ReturnLabelRule[] rules = new ReturnLabelRule[kinds.length];
    for (int j = 0; j < kinds.length; j++) rules[j] = new ReturnLabelRule(kinds[j], horizon);
    int[] hits = new int[kinds.length];
    int checked = 0;
    float[] data = returns.data();
    int arrayRows = data.length;
    RowKeys keys = returns.keys();
    double[] path = new double[horizon];
    for (int r = 0; r < returns.rows(); r++) {
      int a = returns.offset() + r;
      if (!Float.isFinite(y[r]) || a + horizon >= arrayRows) continue;
      boolean whole = true;
      int at = a;
      for (int k = 0; k < horizon && whole; k++) {
        int next = nextOfSeries(keys, at, arrayRows);
        if (next < 0 || !Float.isFinite(data[next])) {
          whole = false;
        } else {
          path[k] = data[next];
          at = next;
        }
      }
      if (!whole) continue;
      checked++;
      for (int j = 0; j < kinds.length; j++) {
        float v = rules[j].label(path, 0);
        if (kinds[j] == Kind.DIRECTION ? v == y[r] : Math.abs(v - y[r]) <= 1e-4 * Math.abs(y[r]) + 1e-7) hits[j]++;
      }
    }
    int best = 0;
    for (int j = 1; j < kinds.length; j++) if (hits[j] > hits[best]) best = j;
    return new Match(rules[best], checked == 0 ? 0 : (double) hits[best] / checked, checked);
  }

  /** The next row of the array in row {@code a}'s series, or -1. */
  private static int nextOfSeries(RowKeys keys, int a, int arrayRows) {
    if (keys == null) return a + 1 < arrayRows ? a + 1 : -1;
    int s = keys.series()[a];
    for (int b = a + 1; b < arrayRows; b++) if (keys.series()[b] == s) return b;
    return -1;
  }
}
