package dev.quiver.model.meta;

import java.util.Arrays;

/**
 * A base model's causal rolling hit rate: fed one outcome per row in time order (1 right, 0 wrong,
 * NaN unknown), {@link #current} is the mean of the known outcomes among the {@code window} rows
 * that end {@code gap} rows before the row about to be routed; 0.5 while none is known. Its state
 * is the last {@code window + gap} outcomes, so it can be saved and continued. Not thread-safe.
 */
final class RollingAccuracy {

  private final int window;
  private final int gap;
  private final double[] ring;
  private long count;

  RollingAccuracy(int window, int gap) {
    this.window = window;
    this.gap = gap;
    this.ring = new double[window + gap];
    Arrays.fill(ring, Double.NaN);
  }

  /** Continues from saved recent outcomes, oldest first. */
  RollingAccuracy(int window, int gap, double[] recent) {
    this(window, gap);
    for (double v : recent) push(v);
  }

  void push(double outcome) {
    ring[(int) (count % ring.length)] = outcome;
    count++;
  }

  /** The hit rate the next row may use. */
  double current() {
    double sum = 0;
    int known = 0;
    for (int k = gap; k < gap + window; k++) {
      long idx = count - 1 - k;
      if (idx < 0) break;
      double v = ring[(int) (idx % ring.length)];
      if (!Double.isNaN(v)) {
        sum += v;
        known++;
      }
    }
    return known == 0 ? 0.5 : sum / known;
  }

  /** The last {@code window + gap} outcomes, oldest first (fewer at the start). */
  double[] recent() {
    int n = (int) Math.min(count, ring.length);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) out[k] = ring[(int) ((count - n + k) % ring.length)];
    return out;
  }
}
