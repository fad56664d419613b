package dev.quiver.ensemble;

import dev.quiver.model.Task;

/**
 * Greedy forward ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes,
 * "Ensemble Selection from Libraries of Models", ICML 2004) on held-out predictions. The
 * ensemble starts empty; each round adds the member (again, if it is already in) whose addition
 * gives the lowest loss of the averaged held-out prediction, ties to the lower index. Round 1 so
 * picks the best single member. The loss is log loss (probabilities clipped to [1e-15, 1 -
 * 1e-15]) for binary and mean squared error for regression. A member's weight is the number of
 * times it was picked over the rounds. Selecting with replacement lets a strong member gain
 * weight without the ensemble overfitting the held-out rows as quickly as free weights would.
 *
 * @param counts times each member was picked; they sum to {@code rounds}
 * @param loss the held-out loss after each round, {@code loss[t]} after round {@code t + 1}
 */
public record CaruanaSelection(int[] counts, double[] loss) {

  /**
   * @param heldOut predictions {@code [member][row]} on rows none of the members was fitted on
   * @param y targets of those rows
   * @param rounds how many picks, at least 1
   */
  public static CaruanaSelection select(double[][] heldOut, float[] y, Task task, int rounds) {
    if (rounds < 1) throw new IllegalArgumentException("Caruana selection needs at least 1 round, got " + rounds);
    int k = heldOut.length;
    int n = y.length;
    for (double[] p : heldOut) if (p.length != n) throw new IllegalArgumentException(p.length + " predictions for " + n + " targets");
    double[] sum = new double[n];
    int[] counts = new int[k];
    double[] loss = new double[rounds];
    for (int t = 0; t < rounds; t++) {
      int best = -1;
      double bestLoss = Double.POSITIVE_INFINITY;
      for (int m = 0; m < k; m++) {
        double l = loss(sum, heldOut[m], t, y, task);
        if (l < bestLoss) {
          bestLoss = l;
          best = m;
        }
      }
      if (best < 0) best = 0;
      double[] p = heldOut[best];
      for (int r = 0; r < n; r++) sum[r] += p[r];
      counts[best]++;
      loss[t] = bestLoss;
    }
    return new CaruanaSelection(counts, loss);
  }

  /** Loss of {@code (sum + add) / (picked + 1)}. */
  private static double loss(double[] sum, double[] add, int picked, float[] y, Task task) {
    double inv = 1.0 / (picked + 1);
    double s = 0;
    int n = y.length;
    for (int r = 0; r < n; r++) {
      double p = (sum[r] + add[r]) * inv;
      if (task == Task.BINARY) {
        double c = Math.min(1 - 1e-15, Math.max(1e-15, p));
        s -= y[r] == 1f ? Math.log(c) : Math.log(1 - c);
      } else {
        double d = p - y[r];
        s += d * d;
      }
    }
    return s / n;
  }

  /** Each member's share of the picks, summing to 1. */
  public double[] weights() {
    int total = 0;
    for (int c : counts) total += c;
    double[] w = new double[counts.length];
    for (int m = 0; m < w.length; m++) w[m] = (double) counts[m] / total;
    return w;
  }
}
