package dev.quiver.model.catboost;

import java.util.Arrays;

/**
 * Ordered target statistics for one categorical column given as int category codes, the way
 * CatBoost turns a category into a number without target leakage (Prokhorenkova et al., "CatBoost:
 * unbiased boosting with categorical features", 2018, section 3.2).
 *
 * <p>Rows are visited in the order of a random permutation; row i's statistic uses only the rows
 * before it in that order that share its code: {@code (sum of their targets + priorWeight * prior)
 * / (their count + priorWeight)}. The first row of a category therefore gets {@code prior}, and no
 * row's own target enters its own value. For new rows (validation, prediction) {@link #fit} gives
 * the same formula over all training rows of each code, and {@code prior} for a code never seen.
 * For a 0/1 target this is the smoothed positive rate of the category; for a real target its
 * smoothed mean. Stateless and thread-safe.
 */
public final class OrderedTargetStatistics {

  private OrderedTargetStatistics() {}

  /**
   * The ordered statistic of every row.
   *
   * @param codes the category of each row
   * @param target the target of each row (same length)
   * @param permutation the visiting order: a permutation of {@code 0..codes.length-1}
   * @param prior the value of a category with no earlier rows (Quiver uses the training target mean)
   * @param priorWeight how many pseudo-rows the prior counts for; must be positive
   * @return {@code out[i]} for row i (indexed by row, not by position in the permutation)
   */
  public static double[] ordered(int[] codes, float[] target, int[] permutation, double prior, double priorWeight) {
    check(codes, target, priorWeight);
    if (permutation.length != codes.length) throw new IllegalArgumentException(permutation.length + " positions for " + codes.length + " rows");
    int[] distinct = distinct(codes);
    double[] sum = new double[distinct.length];
    int[] count = new int[distinct.length];
    double[] out = new double[codes.length];
    for (int row : permutation) {
      int c = Arrays.binarySearch(distinct, codes[row]);
      out[row] = (sum[c] + priorWeight * prior) / (count[c] + priorWeight);
      sum[c] += target[row];
      count[c]++;
    }
    return out;
  }

  /** The statistic of each category over all rows, for rows that were not trained on. */
  public static CategoryStatistics fit(int[] codes, float[] target, double prior, double priorWeight) {
    check(codes, target, priorWeight);
    int[] distinct = distinct(codes);
    double[] sum = new double[distinct.length];
    int[] count = new int[distinct.length];
    for (int i = 0; i < codes.length; i++) {
      int c = Arrays.binarySearch(distinct, codes[i]);
      sum[c] += target[i];
      count[c]++;
    }
    float[] values = new float[distinct.length];
    for (int c = 0; c < distinct.length; c++) values[c] = (float) ((sum[c] + priorWeight * prior) / (count[c] + priorWeight));
    return new CategoryStatistics(distinct, values, (float) prior);
  }

  private static void check(int[] codes, float[] target, double priorWeight) {
    if (codes.length != target.length) throw new IllegalArgumentException(codes.length + " codes for " + target.length + " targets");
    if (!(priorWeight > 0)) throw new IllegalArgumentException("prior weight must be positive, got " + priorWeight);
  }

  private static int[] distinct(int[] codes) {
    int[] sorted = codes.clone();
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[k++] = sorted[i];
    return Arrays.copyOf(sorted, k);
  }
}
