package dev.quiver.model.catboost;

/**
 * Chooses the one split of a tree level of an oblivious tree: the (feature, bin) that, applied to
 * every current leaf at once, maximises {@code sum over the new leaves of G^2 / (H + l2)}, with G
 * and H the (bootstrap-weighted) sums of first and second derivatives in a leaf. That sum is minus
 * twice the second-order loss after a Newton step in each leaf, so the split minimises the
 * approximate loss over all leaves together (CatBoost's L2 score for Newton leaves).
 *
 * <p>Per feature it builds a histogram of G and H by (leaf, bin) in one pass over the rows, then
 * scans the bins with running sums. Features are shared among the pool's threads (feature f goes
 * to worker {@code f mod threads}); each feature's histogram is summed in row order by one thread
 * and the winner is picked in feature order, the lowest feature and bin on ties, so the result
 * does not depend on the thread count. Not thread-safe: one search at a time.
 */
final class SplitSearch {

  /** The chosen split: rows with {@code bin > bin} go to the right child; {@code gain} is the score over the parent's. */
  record Split(int feature, int bin, double gain) {}

  private static final int STRIDE = 256;

  private final byte[][] bins;
  private final int[] binCount;
  private final double l2;
  private final WorkerPool pool;
  private final double[][] hist;
  private final double[] bestScore;
  private final double[] parent;
  private final int[] bestBin;

  /**
   * @param bins bins[f][row], unsigned
   * @param binCount bins per feature (borders + 1)
   * @param maxLeaves the most leaves a level will have before its split (2^(depth-1))
   */
  SplitSearch(byte[][] bins, int[] binCount, double l2, int maxLeaves, WorkerPool pool) {
    this.bins = bins;
    this.binCount = binCount;
    this.l2 = l2;
    this.pool = pool;
    int workers = Math.min(pool.threads(), Math.max(1, bins.length));
    this.hist = new double[workers][2 * maxLeaves * STRIDE];
    this.bestScore = new double[bins.length];
    this.parent = new double[bins.length];
    this.bestBin = new int[bins.length];
  }

  /**
   * The best split of rows whose current leaf is {@code leaf[i]} (in {@code [0, leaves)}), or null
   * when no allowed feature has a border. {@code gh} interleaves each row's weighted first and
   * second derivative: {@code gh[2i]}, {@code gh[2i + 1]}.
   */
  Split best(int[] leaf, double[] gh, int leaves, boolean[] allowed) {
    int features = bins.length;
    int workers = hist.length;
    pool.run(workers, w -> {
      for (int f = w; f < features; f += workers) {
        bestBin[f] = -1;
        if (allowed[f] && binCount[f] > 1) scan(f, leaf, gh, leaves, hist[w]);
      }
    });
    int feature = -1;
    double score = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < features; f++) {
      if (bestBin[f] >= 0 && bestScore[f] > score) {
        score = bestScore[f];
        feature = f;
      }
    }
    if (feature < 0) return null;
    return new Split(feature, bestBin[feature], score - parent[feature]);
  }

  private void scan(int f, int[] leaf, double[] gh, int leaves, double[] hist) {
    int nb = binCount[f];
    java.util.Arrays.fill(hist, 0, 2 * leaves * STRIDE, 0.0);
    byte[] col = bins[f];
    int n = col.length;
    for (int i = 0; i < n; i++) {
      int k = ((leaf[i] << 8) | (col[i] & 0xFF)) << 1;
      hist[k] += gh[2 * i];
      hist[k + 1] += gh[2 * i + 1];
    }
    double[] splitScore = new double[nb - 1];
    double parentScore = 0;
    for (int l = 0; l < leaves; l++) {
      int base = 2 * l * STRIDE;
      double totalG = 0;
      double totalH = 0;
      for (int b = 0; b < nb; b++) {
        totalG += hist[base + 2 * b];
        totalH += hist[base + 2 * b + 1];
      }
      parentScore += term(totalG, totalH);
      double leftG = 0;
      double leftH = 0;
      for (int s = 0; s < nb - 1; s++) {
        leftG += hist[base + 2 * s];
        leftH += hist[base + 2 * s + 1];
        splitScore[s] += term(leftG, leftH) + term(totalG - leftG, totalH - leftH);
      }
    }
    int best = 0;
    for (int s = 1; s < nb - 1; s++) if (splitScore[s] > splitScore[best]) best = s;
    bestBin[f] = best;
    bestScore[f] = splitScore[best];
    parent[f] = parentScore;
  }

  private double term(double g, double h) {
    double d = h + l2;
    return d > 0 ? g * g / d : 0.0;
  }
}
