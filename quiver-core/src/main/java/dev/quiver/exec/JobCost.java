package dev.quiver.exec;

/**
 * What one job is expected to cost: {@code work} in arbitrary units comparable between jobs of
 * one plan (used only to start the longest jobs first) and {@code nativeBytes}, the memory it is
 * expected to take outside the Java heap (LightGBM/XGBoost datasets and trees), in bytes.
 */
public record JobCost(double work, long nativeBytes) {

  public JobCost {
    if (!(work >= 0)) throw new IllegalArgumentException("work must be >= 0, got " + work);
    if (nativeBytes < 0) throw new IllegalArgumentException("nativeBytes must be >= 0, got " + nativeBytes);
  }
}
