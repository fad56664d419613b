package dev.quiver.tune;

import java.util.List;

/**
 * Decides whether a running trial should stop. Values are minimised (a tuner negates a metric that
 * is better higher); {@code step} is 1-based (a boosting round, or a fold of a walk-forward);
 * {@code others} holds the intermediate values of the other finished trials, each indexed by step
 * - 1. Implementations are stateless and thread-safe.
 */
public interface Pruner {

  /** Never prunes. */
  Pruner NONE = (step, best, others) -> false;

  /** Whether the trial whose best value up to {@code step} is {@code best} should stop at {@code step}. */
  boolean prune(int step, double best, List<double[]> others);

  /** The pruner a tune section names: none, median or halving. */
  static Pruner named(String name) {
    return switch (name) {
      case "none" -> NONE;
      case "median" -> new MedianPruner(5, 0.1);
      case "halving" -> new SuccessiveHalvingPruner(1, 3, 3);
      default -> throw new IllegalArgumentException("unknown pruner " + name);
    };
  }

  /** The best (lowest) of {@code values[0..step)}, or NaN when it has fewer than {@code step} values. */
  static double bestUpTo(double[] values, int step) {
    if (values.length < step) return Double.NaN;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < step; i++) if (values[i] < best) best = values[i];
    return best;
  }
}
