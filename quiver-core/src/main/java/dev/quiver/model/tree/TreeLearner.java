package dev.quiver.model.tree;

import java.util.Arrays;

/**
 * Grows depth-limited least-squares regression trees on {@link HistogramBins}: at each node the
 * histogram of target sums and counts per feature and bin gives every split "code <= b" its gain
 * {@code SL^2/(nL+lambda) + SR^2/(nR+lambda) - S^2/(n+lambda)}; the best one (the first on ties, in
 * feature then bin order) is taken when its gain is positive and both sides keep at least {@code
 * minLeaf} rows. A leaf predicts {@code S / (n + lambda)}, the mean shrunk toward 0 by lambda.
 * Deterministic. Holds scratch buffers: not thread-safe, one learner per fitting thread.
 */
public final class TreeLearner {

  private final HistogramBins bins;
  private final int maxDepth;
  private final int minLeaf;
  private final double lambda;
  private final double[] sums;
  private final int[] counts;
  private final int[] scratch;
  private int size;
  private int[] feature = new int[16];
  private float[] threshold = new float[16];
  private int[] left = new int[16];
  private int[] right = new int[16];
  private double[] value = new double[16];
  private double[] gain = new double[16];

  /** @param maxDepth splits from root to leaf, at least 1; @param minLeaf rows per leaf, at least 1; @param lambda L2 on leaf values, >= 0 */
  public TreeLearner(HistogramBins bins, int maxDepth, int minLeaf, double lambda) {
    if (maxDepth < 1 || minLeaf < 1 || !(lambda >= 0)) throw new IllegalArgumentException("bad tree settings");
    this.bins = bins;
    this.maxDepth = maxDepth;
    this.minLeaf = minLeaf;
    this.lambda = lambda;
    this.sums = new double[bins.cols() * bins.stride()];
    this.counts = new int[bins.cols() * bins.stride()];
    this.scratch = new int[bins.rows()];
  }

  /**
   * Fits a tree to {@code target} (indexed by training row) over the training rows {@code rows[0,
   * count)}, which this call reorders.
   */
  public RegressionTree fit(double[] target, int[] rows, int count) {
    size = 0;
    grow(target, rows, 0, count, 0);
    return new RegressionTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
        Arrays.copyOf(right, size), Arrays.copyOf(value, size), Arrays.copyOf(gain, size));
  }

  private int grow(double[] target, int[] rows, int lo, int hi, int depth) {
    int n = hi - lo;
    double sum = 0;
    for (int i = lo; i < hi; i++) sum += target[rows[i]];
    int node = newNode(sum / (n + lambda));
    if (depth >= maxDepth || n < 2 * minLeaf) return node;
    int p = bins.cols();
    int stride = bins.stride();
    byte[] codes = bins.codes();
    Arrays.fill(sums, 0);
    Arrays.fill(counts, 0);
    for (int i = lo; i < hi; i++) {
      int r = rows[i];
      double t = target[r];
      int base = r * p;
      for (int f = 0; f < p; f++) {
        int k = f * stride + (codes[base + f] & 0xFF);
        sums[k] += t;
        counts[k]++;
      }
    }
    double parent = sum * sum / (n + lambda);
    double bestGain = 1e-12 * Math.max(1.0, Math.abs(parent));
    int bestFeature = -1;
    int bestBin = -1;
    for (int f = 0; f < p; f++) {
      double sl = 0;
      int nl = 0;
      for (int b = 0; b < stride - 1; b++) {
        int k = f * stride + b;
        sl += sums[k];
        nl += counts[k];
        if (nl < minLeaf) continue;
        int nr = n - nl;
        if (nr < minLeaf) break;
        double sr = sum - sl;
        double g = sl * sl / (nl + lambda) + sr * sr / (nr + lambda) - parent;
        if (g > bestGain) {
          bestGain = g;
          bestFeature = f;
          bestBin = b;
        }
      }
    }
    if (bestFeature < 0) return node;
    int l = lo;
    int r = 0;
    for (int i = lo; i < hi; i++) {
      int row = rows[i];
      if ((codes[row * p + bestFeature] & 0xFF) <= bestBin) rows[l++] = row;
      else scratch[r++] = row;
    }
    System.arraycopy(scratch, 0, rows, l, r);
    feature[node] = bestFeature;
    threshold[node] = bins.threshold(bestFeature, bestBin);
    gain[node] = bestGain;
    int leftChild = grow(target, rows, lo, l, depth + 1);
    int rightChild = grow(target, rows, l, hi, depth + 1);
    left[node] = leftChild;
    right[node] = rightChild;
    return node;
  }

  private int newNode(double leafValue) {
    if (size == feature.length) {
      int cap = size * 2;
      feature = Arrays.copyOf(feature, cap);
      threshold = Arrays.copyOf(threshold, cap);
      left = Arrays.copyOf(left, cap);
      right = Arrays.copyOf(right, cap);
      value = Arrays.copyOf(value, cap);
      gain = Arrays.copyOf(gain, cap);
    }
    feature[size] = -1;
    threshold[size] = 0f;
    left[size] = -1;
    right[size] = -1;
    value[size] = leafValue;
    gain[size] = 0;
    return size++;
  }
}
