package dev.quiver.features;

/**
 * Direct sums over one window {@code x[i-n+1..i]}, ascending, used to (re-)anchor the rolling
 * statistics. Each is O(n); callers use them once every many rows. Stateless.
 */
final class WindowSums {

  private WindowSums() {}

  /**
   * A reference near the window's mean: {@code x[i] + sum(x[j] - x[i]) / n}. The differences
   * are exact for values within a factor of 2 of each other, so a flat window gives exactly its
   * value.
   */
  static double reference(double[] x, int i, int n, double invN) {
    final double base = x[i];
    double t = 0;
    for (int j = i - n + 1; j <= i; j++) t += x[j] - base;
    return base + t * invN;
  }

  /** {@code sum(x[j] - r)} over the window. */
  static double deviations(double[] x, int i, int n, double r) {
    double s = 0;
    for (int j = i - n + 1; j <= i; j++) s += x[j] - r;
    return s;
  }

  /** {@code sum((x[j] - r)^2)} over the window. */
  static double squares(double[] x, int i, int n, double r) {
    double s = 0;
    for (int j = i - n + 1; j <= i; j++) {
      final double d = x[j] - r;
      s += d * d;
    }
    return s;
  }

  /** {@code sum((x[j] - r)^3)} over the window. */
  static double cubes(double[] x, int i, int n, double r) {
    double s = 0;
    for (int j = i - n + 1; j <= i; j++) {
      final double d = x[j] - r;
      s += d * d * d;
    }
    return s;
  }

  /** {@code sum(x[j])} over the window. */
  static double plain(double[] x, int i, int n) {
    double s = 0;
    for (int j = i - n + 1; j <= i; j++) s += x[j];
    return s;
  }

  /** {@code sum(|x[j] - x[j-1]|)} for j in {@code max(1, i-n+1)..i}: absolute changes in the window. */
  static double absoluteChanges(double[] x, int i, int n) {
    double s = 0;
    for (int j = Math.max(1, i - n + 1); j <= i; j++) s += Math.abs(x[j] - x[j - 1]);
    return s;
  }
}
