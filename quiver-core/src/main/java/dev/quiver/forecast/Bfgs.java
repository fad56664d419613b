package dev.quiver.forecast;

import java.util.Arrays;

/**
 * Minimises a smooth function of a few unconstrained variables by BFGS with central-difference
 * gradients and a backtracking (Armijo) line search. Stops when the gradient's largest entry is
 * below {@code 1e-7}, when a step changes the value by less than {@code 1e-13} relative twice in
 * a row, or after 300 iterations. Not thread-safe.
 */
final class Bfgs {

  /** The objective: returns NaN or +infinity where undefined (the search steps back). */
  interface Objective {
    double value(double[] x);
  }

  private static final double GRAD_STEP = 1e-6;
  private static final int MAX_ITER = 300;

  private Bfgs() {}

  /** Minimises from {@code x} (overwritten with the minimiser); returns the minimum. */
  static double minimise(Objective f, double[] x) {
    int k = x.length;
    double fx = f.value(x);
    if (k == 0 || !Double.isFinite(fx)) return fx;
    double[] g = new double[k];
    double[] gNew = new double[k];
    double[] h = new double[k * k];
    double[] dir = new double[k];
    double[] xNew = new double[k];
    double[] s = new double[k];
    double[] y = new double[k];
    for (int i = 0; i < k; i++) h[i * k + i] = 1;
    gradient(f, x, g);
    int flat = 0;
    for (int iter = 0; iter < MAX_ITER; iter++) {
      double gmax = 0;
      for (double v : g) gmax = Math.max(gmax, Math.abs(v));
      if (gmax < 1e-7) break;
      double slope = 0;
      for (int i = 0; i < k; i++) {
        double d = 0;
        for (int j = 0; j < k; j++) d -= h[i * k + j] * g[j];
        dir[i] = d;
        slope += d * g[i];
      }
      if (!(slope < 0)) { // not a descent direction: restart from steepest descent
        for (int i = 0; i < k * k; i++) h[i] = 0;
        for (int i = 0; i < k; i++) {
          h[i * k + i] = 1;
          dir[i] = -g[i];
        }
        slope = 0;
        for (int i = 0; i < k; i++) slope -= g[i] * g[i];
      }
      double step = 1;
      double fNew = Double.NaN;
      for (int tries = 0; tries < 40; tries++) {
        for (int i = 0; i < k; i++) xNew[i] = x[i] + step * dir[i];
        fNew = f.value(xNew);
        if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
        step *= 0.5;
        fNew = Double.NaN;
      }
      if (Double.isNaN(fNew)) break;
      gradient(f, xNew, gNew);
      double sy = 0;
      for (int i = 0; i < k; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
      }
      boolean small = Math.abs(fx - fNew) <= 1e-13 * Math.max(1, Math.abs(fx));
      System.arraycopy(xNew, 0, x, 0, k);
      System.arraycopy(gNew, 0, g, 0, k);
      fx = fNew;
      flat = small ? flat + 1 : 0;
      if (flat >= 2) break;
      if (sy > 1e-14) update(h, s, y, sy, k);
    }
    return fx;
  }

  /** The inverse-Hessian update {@code H' = (I - rho s y') H (I - rho y s') + rho s s'}. */
  private static void update(double[] h, double[] s, double[] y, double sy, int k) {
    double rho = 1 / sy;
    double[] hy = new double[k];
    double yhy = 0;
    for (int i = 0; i < k; i++) {
      double v = 0;
      for (int j = 0; j < k; j++) v += h[i * k + j] * y[j];
      hy[i] = v;
      yhy += y[i] * v;
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        h[i * k + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }

  static void gradient(Objective f, double[] x, double[] out) {
    double[] z = Arrays.copyOf(x, x.length);
    for (int i = 0; i < x.length; i++) {
      double hi = GRAD_STEP * Math.max(1, Math.abs(x[i]));
      z[i] = x[i] + hi;
      double up = f.value(z);
      z[i] = x[i] - hi;
      double down = f.value(z);
      z[i] = x[i];
      out[i] = Double.isFinite(up) && Double.isFinite(down) ? (up - down) / (2 * hi) : 0;
    }
  }
}
