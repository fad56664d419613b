package dev.quiver.forecast;

/**
 * Exact Gaussian likelihood of a zero-mean stationary ARMA(p,q) by the Kalman filter, with the
 * innovation variance fixed at 1 so that it can be concentrated out.
 *
 * <p>State space (Harvey's form, as statsmodels): state dimension {@code r = max(p, q + 1)},
 * {@code x[t+1] = T x[t] + R e[t]}, {@code w[t] = x[t][0]}, with {@code T}'s first column the AR
 * coefficients and ones above the diagonal, {@code R = (1, theta_1, .., theta_{r-1})}. The filter
 * starts from the stationary distribution ({@code P} solves {@code P = T P T' + R R'}). Once the
 * predicted covariance stops changing (every entry within 1e-13) the filter keeps its steady-state
 * gain, which is exact to that tolerance and makes each later step O(r).
 *
 * <p>Not thread-safe: it owns scratch buffers. Use one per thread.
 */
final class ArmaKalman {

  private static final double CONVERGED = 1e-13;

  private final int p;
  private final int q;
  final int r;
  private final double[] phi;
  private final double[] theta;
  /** Predicted state and covariance (row-major r x r) after the last {@link #filter}. */
  final double[] a;
  final double[] cov;
  private final double[] next;
  private final double[] m;
  private final double[] col;
  /** Sum of squared standardised innovations and of log innovation variances of the last filter. */
  double sumSquares;
  double sumLogF;

  ArmaKalman(int p, int q) {
    this.p = p;
    this.q = q;
    this.r = Math.max(p, q + 1);
    this.phi = new double[r];
    this.theta = new double[r];
    this.a = new double[r];
    this.cov = new double[r * r];
    this.next = new double[r * r];
    this.m = new double[r * r];
    this.col = new double[r];
  }

  /**
   * Runs the filter over {@code w[0..n)} for AR coefficients {@code ar[0..p)} and MA
   * coefficients {@code ma[0..q)}; returns false when the initial covariance cannot be found (a
   * non-stationary AR) or an innovation variance is not positive.
   */
  boolean filter(double[] w, int n, double[] ar, double[] ma) {
    return filter(w, n, ar, ma, null);
  }

  /** As {@link #filter(double[], int, double[], double[])}, also writing the prediction of {@code w[t+1]} to {@code next[t]} when {@code next} is not null. */
  boolean filter(double[] w, int n, double[] ar, double[] ma, double[] nextOut) {
    coefficients(ar, ma);
    if (!stationaryCovariance()) return false;
    java.util.Arrays.fill(a, 0);
    double ss = 0;
    double logF = 0;
    boolean steady = false;
    double steadyF = 0;
    double logSteadyF = 0;
    int rr = r;
    for (int t = 0; t < n; t++) {
      double v = w[t] - a[0];
      if (!steady) {
        double f = cov[0];
        if (!(f > 0)) return false;
        ss += v * v / f;
        logF += Math.log(f);
        // filtered state: a + P[:,0] v / f, then predicted: T a_filtered
        for (int i = 0; i < rr; i++) col[i] = cov[i * rr] / f;
        double a0 = a[0] + col[0] * v;
        for (int i = 0; i < rr - 1; i++) a[i] = phi[i] * a0 + a[i + 1] + col[i + 1] * v;
        a[rr - 1] = phi[rr - 1] * a0;
        if (nextOut != null) nextOut[t] = a[0];
        // filtered covariance: P - P[:,0] P[0,:] / f
        for (int i = 0; i < rr; i++) {
          double ci = col[i];
          for (int j = 0; j < rr; j++) next[i * rr + j] = cov[i * rr + j] - ci * cov[j];
        }
        predictCovariance(next, next);
        double diff = 0;
        for (int i = 0; i < rr * rr; i++) diff = Math.max(diff, Math.abs(next[i] - cov[i]));
        System.arraycopy(next, 0, cov, 0, rr * rr);
        if (diff < CONVERGED) {
          steady = true;
          steadyF = cov[0];
          logSteadyF = Math.log(steadyF);
          for (int i = 0; i < rr; i++) col[i] = cov[i * rr] / steadyF;
        }
      } else {
        ss += v * v / steadyF;
        logF += logSteadyF;
        double a0 = a[0] + col[0] * v;
        for (int i = 0; i < rr - 1; i++) a[i] = phi[i] * a0 + a[i + 1] + col[i + 1] * v;
        a[rr - 1] = phi[rr - 1] * a0;
        if (nextOut != null) nextOut[t] = a[0];
      }
    }
    sumSquares = ss;
    sumLogF = logF;
    return true;
  }

  /** Sets the AR coefficients {@code ar[0..p)} and MA coefficients {@code ma[0..q)} of {@code T} and {@code R}. */
  void coefficients(double[] ar, double[] ma) {
    java.util.Arrays.fill(phi, 0);
    java.util.Arrays.fill(theta, 0);
    System.arraycopy(ar, 0, phi, 0, p);
    theta[0] = 1;
    for (int j = 0; j < q; j++) theta[j + 1] = ma[j];
  }

  /** {@code out = T in T' + R R'} (in and out may alias). */
  void predictCovariance(double[] in, double[] out) {
    int rr = r;
    // m = T in: row i = phi_i * in[0,:] + in[i+1,:]
    for (int i = 0; i < rr; i++) {
      for (int j = 0; j < rr; j++) m[i * rr + j] = phi[i] * in[j] + (i + 1 < rr ? in[(i + 1) * rr + j] : 0);
    }
    // out = m T' + R R': column j of T' = phi_j e_0 + e_{j+1}
    for (int i = 0; i < rr; i++) {
      for (int j = 0; j < rr; j++) out[i * rr + j] = m[i * rr] * phi[j] + (j + 1 < rr ? m[i * rr + j + 1] : 0) + theta[i] * theta[j];
    }
  }

  /** One step of the state forecast without an observation: {@code a = T a}. */
  void predictState(double[] state) {
    double a0 = state[0];
    for (int i = 0; i < r - 1; i++) state[i] = phi[i] * a0 + state[i + 1];
    state[r - 1] = phi[r - 1] * a0;
  }

  /** Solves {@code P = T P T' + R R'} as a linear system in the r(r+1)/2 distinct entries of symmetric P. */
  private boolean stationaryCovariance() {
    int rr = r;
    if (p == 0) {
      // pure MA: P[i][j] = sum_k theta_{i+k} theta_{j+k}
      for (int i = 0; i < rr; i++) {
        for (int j = 0; j < rr; j++) {
          double s = 0;
          for (int k = 0; i + k < rr && j + k < rr; k++) s += theta[i + k] * theta[j + k];
          cov[i * rr + j] = s;
        }
      }
      return true;
    }
    int k = rr * (rr + 1) / 2;
    double[][] sys = new double[k][k + 1];
    int[] idx = new int[rr * rr];
    int c = 0;
    for (int i = 0; i < rr; i++) {
      for (int j = i; j < rr; j++) {
        idx[i * rr + j] = c;
        idx[j * rr + i] = c;
        c++;
      }
    }
    // (T P T')[i][j] = sum_{a,b} T[i][a] P[a][b] T[j][b]; T[i][a] nonzero for a = 0 (phi_i) and a = i+1 (1)
    int row = 0;
    for (int i = 0; i < rr; i++) {
      for (int j = i; j < rr; j++) {
        double[] eq = sys[row++];
        eq[idx[i * rr + j]] += 1;
        int[] ai = i + 1 < rr ? new int[] {0, i + 1} : new int[] {0};
        double[] wi = i + 1 < rr ? new double[] {phi[i], 1} : new double[] {phi[i]};
        int[] bj = j + 1 < rr ? new int[] {0, j + 1} : new int[] {0};
        double[] wj = j + 1 < rr ? new double[] {phi[j], 1} : new double[] {phi[j]};
        for (int x = 0; x < ai.length; x++) {
          for (int y = 0; y < bj.length; y++) eq[idx[ai[x] * rr + bj[y]]] -= wi[x] * wj[y];
        }
        eq[k] = theta[i] * theta[j];
      }
    }
    double[] sol = solve(sys, k);
    if (sol == null) return false;
    for (int i = 0; i < rr * rr; i++) cov[i] = sol[idx[i]];
    for (int i = 0; i < rr; i++) if (!(cov[i * rr + i] > 0)) return false;
    return true;
  }

  /** Gaussian elimination with partial pivoting on an augmented k x (k+1) system; null when singular. */
  static double[] solve(double[][] sys, int k) {
    for (int col = 0; col < k; col++) {
      int piv = col;
      for (int i = col + 1; i < k; i++) if (Math.abs(sys[i][col]) > Math.abs(sys[piv][col])) piv = i;
      if (!(Math.abs(sys[piv][col]) > 1e-12)) return null;
      double[] tmp = sys[col];
      sys[col] = sys[piv];
      sys[piv] = tmp;
      for (int i = col + 1; i < k; i++) {
        double f = sys[i][col] / sys[col][col];
        if (f == 0) continue;
        for (int j = col; j <= k; j++) sys[i][j] -= f * sys[col][j];
      }
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = sys[i][k];
      for (int j = i + 1; j < k; j++) s -= sys[i][j] * x[j];
      x[i] = s / sys[i][i];
    }
    return x;
  }
}
