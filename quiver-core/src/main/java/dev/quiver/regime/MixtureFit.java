package dev.quiver.regime;

import java.util.Arrays;

/**
 * Fits Gaussian mixtures (full covariances) by expectation-maximisation for each {@code k} in
 * {@code [minK, maxK]} and keeps the one with the lowest BIC = {@code -2 log L + p ln n}, {@code p
 * = (k - 1) + k d + k d (d + 1) / 2} free parameters. EM starts from the rows sorted by column
 * {@code sortColumn} and cut into {@code k} equal parts (each part's mean and covariance, equal
 * weights), so a fit is deterministic and needs no seed. It stops when the mean log-likelihood
 * per row gains less than {@value #TOLERANCE} or after {@value #MAX_ITERATIONS} iterations; every
 * covariance gets {@value #RIDGE} added to its diagonal so a component cannot collapse onto a
 * point. A {@code k} whose fit fails (fewer than {@code 2 k (d + 1)} rows, a covariance that is not
 * positive definite) is skipped and its BIC is NaN. Stateless; primitive arrays throughout.
 *
 * @param mixture the chosen mixture
 * @param bic BIC per k, {@code bic[k - minK]}
 */
public record MixtureFit(GaussianMixture mixture, double[] bic, int minK) {

  static final int MAX_ITERATIONS = 300;
  static final double TOLERANCE = 1e-6;
  static final double RIDGE = 1e-6;

  public static MixtureFit byBic(double[][] rows, int minK, int maxK, int sortColumn) {
    if (minK < 1 || maxK < minK) throw new IllegalArgumentException("need 1 <= minK <= maxK, got " + minK + ", " + maxK);
    int n = rows.length;
    int d = rows[0].length;
    double[] bic = new double[maxK - minK + 1];
    Arrays.fill(bic, Double.NaN);
    GaussianMixture best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    double[][] sorted = rows.clone();
    Arrays.sort(sorted, (a, b) -> Double.compare(a[sortColumn], b[sortColumn]));
    for (int k = minK; k <= maxK; k++) {
      if (n < 2 * k * (d + 1)) break;
      try {
        double[] logL = new double[1];
        GaussianMixture g = em(rows, initial(sorted, k), logL);
        double params = (k - 1) + k * d + k * d * (d + 1) / 2.0;
        double b = -2 * logL[0] + params * Math.log(n);
        bic[k - minK] = b;
        if (b < bestBic) {
          bestBic = b;
          best = g;
        }
      } catch (IllegalArgumentException e) {
        // this k has no proper fit on these rows; it stays NaN in bic
      }
    }
    if (best == null) throw new IllegalArgumentException("no Gaussian mixture could be fitted to " + n + " rows of " + d + " features");
    return new MixtureFit(best, bic, minK);
  }

  /** The number of components chosen. */
  public int components() {
    return mixture.components();
  }

  private static GaussianMixture initial(double[][] sorted, int k) {
    int n = sorted.length;
    int d = sorted[0].length;
    double[] w = new double[k];
    double[][] mu = new double[k][d];
    double[][][] cov = new double[k][d][d];
    for (int j = 0; j < k; j++) {
      int from = (int) ((long) n * j / k);
      int to = (int) ((long) n * (j + 1) / k);
      w[j] = 1.0 / k;
      moments(sorted, from, to, null, mu[j], cov[j]);
    }
    return new GaussianMixture(w, mu, cov);
  }

  /** Weighted mean and covariance (plus the ridge) of rows {@code [from, to)}; {@code resp} null means weight 1. */
  private static double moments(double[][] rows, int from, int to, double[] resp, double[] mu, double[][] cov) {
    int d = mu.length;
    double total = 0;
    Arrays.fill(mu, 0);
    for (int i = from; i < to; i++) {
      double r = resp == null ? 1 : resp[i];
      total += r;
      for (int a = 0; a < d; a++) mu[a] += r * rows[i][a];
    }
    for (int a = 0; a < d; a++) mu[a] /= total;
    for (double[] row : cov) Arrays.fill(row, 0);
    for (int i = from; i < to; i++) {
      double r = resp == null ? 1 : resp[i];
      for (int a = 0; a < d; a++) {
        double da = rows[i][a] - mu[a];
        for (int b = 0; b <= a; b++) cov[a][b] += r * da * (rows[i][b] - mu[b]);
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= total;
        cov[b][a] = cov[a][b];
      }
      cov[a][a] += RIDGE;
    }
    return total;
  }

  private static GaussianMixture em(double[][] rows, GaussianMixture start, double[] logLikelihood) {
    int n = rows.length;
    int d = rows[0].length;
    int k = start.components();
    double[][] resp = new double[k][n];
    double[] post = new double[k];
    GaussianMixture g = start;
    double previous = Double.NEGATIVE_INFINITY;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double logL = 0;
      for (int i = 0; i < n; i++) {
        logL += g.posterior(rows[i], post);
        for (int j = 0; j < k; j++) resp[j][i] = post[j];
      }
      logLikelihood[0] = logL;
      if (logL / n - previous / n < TOLERANCE && it > 0) break;
      previous = logL;
      double[] w = new double[k];
      double[][] mu = new double[k][d];
      double[][][] cov = new double[k][d][d];
      for (int j = 0; j < k; j++) {
        double mass = moments(rows, 0, n, resp[j], mu[j], cov[j]);
        if (!(mass > d)) throw new IllegalArgumentException("component " + j + " of " + k + " lost its rows");
        w[j] = mass / n;
      }
      g = new GaussianMixture(w, mu, cov);
    }
    return g;
  }
}
