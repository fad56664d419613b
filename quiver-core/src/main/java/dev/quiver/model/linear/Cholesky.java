package dev.quiver.model.linear;

/** Solves a small symmetric positive-definite system in place by Cholesky decomposition (a = L L'). */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Solves {@code a x = b} for a p x p symmetric matrix (row-major); on return {@code b} holds x and
   * {@code a}'s lower triangle holds L. Returns false, leaving b undefined, when a is not
   * numerically positive definite (a pivot at or below 1e-12 times the largest diagonal entry).
   */
  public static boolean solveInPlace(double[] a, double[] b, int p) {
    double scale = 0;
    for (int j = 0; j < p; j++) scale = Math.max(scale, Math.abs(a[j * p + j]));
    double floor = Math.max(scale, Double.MIN_NORMAL) * 1e-12;
    for (int j = 0; j < p; j++) {
      double d = a[j * p + j];
      for (int k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
      if (!(d > floor)) return false;
      double l = Math.sqrt(d);
      a[j * p + j] = l;
      for (int i = j + 1; i < p; i++) {
        double s = a[i * p + j];
        for (int k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
        a[i * p + j] = s / l;
      }
    }
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= a[i * p + k] * b[k];
      b[i] = s / a[i * p + i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < p; k++) s -= a[k * p + i] * b[k];
      b[i] = s / a[i * p + i];
    }
    return true;
  }
}
