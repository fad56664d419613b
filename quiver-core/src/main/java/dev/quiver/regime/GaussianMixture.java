package dev.quiver.regime;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A fitted mixture of {@code k} multivariate normals in {@code d} dimensions, full covariances.
 * Component {@code j} has weight {@code weights[j]} (they sum to 1), mean {@code means[j]} and
 * covariance {@code covariances[j]}. Posteriors are computed in log space (log-sum-exp), so far
 * tails do not underflow. Immutable and thread-safe; {@link #posterior} writes into the caller's
 * buffer and allocates nothing.
 */
public final class GaussianMixture {

  private final double[] weights;
  private final double[][] means;
  private final double[][][] covariances;
  /** Inverse covariances and log normalising constants, computed once. */
  private final double[][][] precision;
  private final double[] logNorm;

  public GaussianMixture(double[] weights, double[][] means, double[][][] covariances) {
    int k = weights.length;
    if (k == 0 || means.length != k || covariances.length != k) throw new IllegalArgumentException("a mixture needs k weights, means and covariances");
    int d = means[0].length;
    this.weights = weights.clone();
    this.means = new double[k][];
    this.covariances = new double[k][][];
    this.precision = new double[k][][];
    this.logNorm = new double[k];
    for (int j = 0; j < k; j++) {
      if (means[j].length != d || covariances[j].length != d) throw new IllegalArgumentException("component " + j + " is not " + d + "-dimensional");
      this.means[j] = means[j].clone();
      this.covariances[j] = new double[d][];
      for (int a = 0; a < d; a++) this.covariances[j][a] = covariances[j][a].clone();
      RealMatrix cov = new Array2DRowRealMatrix(this.covariances[j], true);
      CholeskyDecomposition chol;
      try {
        chol = new CholeskyDecomposition(cov, 1e-10, 1e-300);
      } catch (NonPositiveDefiniteMatrixException e) {
        throw new IllegalArgumentException("covariance of component " + j + " is not positive definite", e);
      }
      precision[j] = chol.getSolver().getInverse().getData();
      logNorm[j] = Math.log(this.weights[j]) - 0.5 * (d * Math.log(2 * Math.PI) + Math.log(chol.getDeterminant()));
    }
  }

  public int components() {
    return weights.length;
  }

  public int dimensions() {
    return means[0].length;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[][] means() {
    double[][] out = new double[means.length][];
    for (int j = 0; j < out.length; j++) out[j] = means[j].clone();
    return out;
  }

  public double[][][] covariances() {
    double[][][] out = new double[covariances.length][][];
    for (int j = 0; j < out.length; j++) {
      out[j] = new double[covariances[j].length][];
      for (int a = 0; a < out[j].length; a++) out[j][a] = covariances[j][a].clone();
    }
    return out;
  }

  /**
   * Fills {@code out[j]} with P(component j | x) and returns log p(x) (the mixture density).
   * {@code out} must hold {@link #components()} values.
   */
  public double posterior(double[] x, double[] out) {
    int k = weights.length;
    int d = x.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double[] mu = means[j];
      double[][] p = precision[j];
      double q = 0;
      for (int a = 0; a < d; a++) {
        double da = x[a] - mu[a];
        double row = 0;
        for (int b = 0; b < d; b++) row += p[a][b] * (x[b] - mu[b]);
        q += da * row;
      }
      out[j] = logNorm[j] - 0.5 * q;
      if (out[j] > max) max = out[j];
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      out[j] = Math.exp(out[j] - max);
      sum += out[j];
    }
    for (int j = 0; j < k; j++) out[j] /= sum;
    return max + Math.log(sum);
  }

  /** The most probable component of {@code x}, ties to the lower index; {@code scratch} holds {@link #components()} values. */
  public int classify(double[] x, double[] scratch) {
    posterior(x, scratch);
    int best = 0;
    for (int j = 1; j < scratch.length; j++) if (scratch[j] > scratch[best]) best = j;
    return best;
  }

  /** The same mixture with components reordered: component {@code i} of the result is this one's {@code order[i]}. */
  public GaussianMixture reordered(int[] order) {
    double[] w = new double[order.length];
    double[][] mu = new double[order.length][];
    double[][][] cov = new double[order.length][][];
    for (int i = 0; i < order.length; i++) {
      w[i] = weights[order[i]];
      mu[i] = means[order[i]];
      cov[i] = covariances[order[i]];
    }
    return new GaussianMixture(w, mu, cov);
  }
}
