package dev.quiver.model.catboost;

/**
 * Chooses the one split of a tree level of an oblivious tree: the (feature, bin) that, applied to
 * every current leaf at once, maximises {@code sum over the new leaves of G^2 / (H + l2)}, with G
 * and H the (bootstrap-weighted) sums of first and second derivatives in a leaf. That sum is minus
 * twice the second-order loss after a Newton step in each leaf, so the split minimises the
 * approximate loss over all leaves together (CatBoost's L2 score for Newton leaves).
 *
 * <p>Per feature it builds a histogram of G and H by (leaf, bin), then scans the bins with running
 * sums. Below the first level, a feature's histogram is built from the rows that the previous
 * level sent right only, and each left leaf is its parent's histogram minus its right sibling's
 * (the parent histograms are kept while they fit in {@value #SUBTRACTION_BUDGET_BYTES} bytes;
 * deeper levels are summed over all rows). Features are shared among the pool's threads (feature f goes
 * to worker {@code f mod threads}); each feature's histogram is summed in row order by one thread
 * and the winner is picked in feature order, the lowest feature and bin on ties, so the result
 * does not depend on the thread count. Not thread-safe: one search at a time.
 */
final class SplitSearch {

  /** The chosen split: rows with {@code bin > bin} go to the right child; {@code gain} is the score over the parent's. */
  record Split(int feature, int bin, double gain) {}

  private static final int STRIDE = 256;
  static final long SUBTRACTION_BUDGET_BYTES = 64L << 20;

  private final byte[][] bins;
  private final int[] binCount;
  private final double l2;
  private final WorkerPool pool;
  private final double[][] hist;
  private final double[][][] kept;
  private final boolean[] ready;
  private final int keptLeaves;
  private final int[] rightRows;
  private final double[] bestScore;
  private final double[] parentScores;
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
    int keep = 1;
    while (keep * 2 <= maxLeaves && (long) bins.length * 2 * 2 * (keep * 2) * STRIDE * Double.BYTES <= SUBTRACTION_BUDGET_BYTES) keep *= 2;
    this.keptLeaves = keep;
    this.kept = new double[bins.length][2][2 * keep * STRIDE];
    this.ready = new boolean[bins.length];
    this.rightRows = new int[bins.length == 0 ? 0 : bins[0].length];
    this.bestScore = new double[bins.length];
    this.parentScores = new double[bins.length];
    this.bestBin = new int[bins.length];
  }

  /**
   * The best split at tree level {@code level} of rows whose current leaf is {@code leaf[i]} (in
   * {@code [0, 2^level)}, bit d set when level d sent the row right), or null when no allowed
   * feature has a border. {@code gh} interleaves each row's weighted first and second derivative:
   * {@code gh[2i]}, {@code gh[2i + 1]}. Levels of one tree are searched in order 0, 1, 2, ...
   */
  Split best(int[] leaf, double[] gh, int level, boolean[] allowed) {
    int features = bins.length;
    int workers = hist.length;
    int leaves = 1 << level;
    boolean subtract = level > 0 && leaves <= keptLeaves;
    int right = 0;
    if (subtract) {
      int bit = 1 << (level - 1);
      for (int i = 0; i < leaf.length; i++) if ((leaf[i] & bit) != 0) rightRows[right++] = i;
    }
    int rightCount = right;
    pool.run(workers, w -> {
      for (int f = w; f < features; f += workers) {
        bestBin[f] = -1;
        if (!allowed[f] || binCount[f] <= 1) {
          ready[f] = false;
          continue;
        }
        double[] h;
        if (leaves <= keptLeaves) {
          h = kept[f][level & 1];
          if (subtract && ready[f]) fromParent(f, leaf, gh, rightCount, leaves, kept[f][(level - 1) & 1], h);
          else sumAll(f, leaf, gh, leaves, h);
          ready[f] = true;
        } else {
          h = hist[w];
          sumAll(f, leaf, gh, leaves, h);
          ready[f] = false;
        }
        scan(f, leaves, h);
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
    return new Split(feature, bestBin[feature], score - parentScores[feature]);
  }

  private void sumAll(int f, int[] leaf, double[] gh, int leaves, double[] hist) {
    java.util.Arrays.fill(hist, 0, 2 * leaves * STRIDE, 0.0);
    byte[] col = bins[f];
    int n = col.length;
    for (int i = 0; i < n; i++) {
      int k = ((leaf[i] << 8) | (col[i] & 0xFF)) << 1;
      hist[k] += gh[2 * i];
      hist[k + 1] += gh[2 * i + 1];
    }
  }

  /** Right leaves from the rows sent right, left leaves as parent minus right sibling. */
  private void fromParent(int f, int[] leaf, double[] gh, int rightCount, int leaves, double[] parent, double[] hist) {
    java.util.Arrays.fill(hist, 0, 2 * leaves * STRIDE, 0.0);
    byte[] col = bins[f];
    for (int j = 0; j < rightCount; j++) {
      int i = rightRows[j];
      int k = ((leaf[i] << 8) | (col[i] & 0xFF)) << 1;
      hist[k] += gh[2 * i];
      hist[k + 1] += gh[2 * i + 1];
    }
    int half = leaves >> 1;
    int width = 2 * binCount[f];
    for (int l = 0; l < half; l++) {
      int left = 2 * l * STRIDE;
      int rightLeaf = 2 * (l + half) * STRIDE;
      for (int b = 0; b < width; b++) hist[left + b] = parent[left + b] - hist[rightLeaf + b];
    }
  }

  private void scan(int f, int leaves, double[] hist) {
    int nb = binCount[f];
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
    parentScores[f] = parentScore;
  }

  private double term(double g, double h) {
    double d = h + l2;
    return d > 0 ? g * g / d : 0.0;
  }
}
