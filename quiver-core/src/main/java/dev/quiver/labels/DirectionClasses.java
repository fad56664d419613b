package dev.quiver.labels;

import dev.quiver.model.Task;
import java.math.BigDecimal;
import java.util.List;

/**
 * Three-way direction over {@code horizon} bars, a {@link Task#MULTICLASS} label with ordered
 * classes 0 {@code down}, 1 {@code flat}, 2 {@code up}: with {@code r = close[i+h]/close[i] - 1},
 * {@code y[i] = 0} when {@code r < -threshold}, 2 when {@code r > threshold}, and 1 when {@code
 * -threshold <= r <= threshold} (both ends inclusive, so a threshold of 0 makes flat exactly the
 * unchanged closes). {@code end[i] = i + h} and {@code forwardReturn[i] = r}, as {@link
 * ForwardReturn}. The last {@code h} rows, and rows with a NaN or non-positive close at {@code i} or
 * a NaN close at {@code i + h}, have no label ({@code y} NaN, {@code end} -1; see {@link
 * ClosePathLabeler}). Stateless and thread-safe.
 */
public final class DirectionClasses extends ClosePathLabeler {

  /** The class names in class-id order. */
  public static final List<String> CLASSES = List.of("down", "flat", "up");

  private final double threshold;

  /**
   * @param horizon bars ahead, at least 1
   * @param threshold the flat band's half-width as a simple return (0.0005 = 5 bp), finite and >= 0
   */
  public DirectionClasses(int horizon, double threshold) {
    super(horizon);
    if (!(threshold >= 0) || Double.isInfinite(threshold)) throw new IllegalArgumentException("threshold must be finite and >= 0, got " + threshold);
    this.threshold = threshold;
  }

  public double threshold() {
    return threshold;
  }

  /** {@code direction3:H:THRESH}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "direction3:" + horizon() + ":" + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
  }

  @Override
  double value(double[] close, int i, int horizon) {
    double r = close[i + horizon] / close[i] - 1.0;
    if (Double.isNaN(r)) return Double.NaN;
    return r < -threshold ? 0.0 : r > threshold ? 2.0 : 1.0;
  }

  @Override
  Task task() {
    return Task.MULTICLASS;
  }

  @Override
  List<String> classes() {
    return CLASSES;
  }
}
