package dev.quiver.model.catboost;

import java.util.Arrays;

/**
 * The target statistic of each category seen in training ({@code codes} ascending, {@code
 * values[k]} belongs to {@code codes[k]}), and {@code unseen}, the value of any other code (the
 * prior). Built by {@link OrderedTargetStatistics#fit}; arrays are copied in and out, so
 * instances are immutable and thread-safe.
 */
public record CategoryStatistics(int[] codes, float[] values, float unseen) {

  public CategoryStatistics {
    codes = codes.clone();
    values = values.clone();
    if (codes.length != values.length) throw new IllegalArgumentException(codes.length + " codes for " + values.length + " values");
    for (int i = 1; i < codes.length; i++) {
      if (codes[i] <= codes[i - 1]) throw new IllegalArgumentException("category codes must be strictly ascending at index " + i);
    }
  }

  @Override
  public int[] codes() {
    return codes.clone();
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  /** The statistic of {@code code}, or {@link #unseen} for a code not seen in training. */
  public float value(int code) {
    int k = Arrays.binarySearch(codes, code);
    return k >= 0 ? values[k] : unseen;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryStatistics s && Arrays.equals(s.codes, codes) && Arrays.equals(s.values, values)
        && Float.compare(s.unseen, unseen) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(codes) + Arrays.hashCode(values) + Float.hashCode(unseen);
  }
}
