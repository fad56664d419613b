package dev.quiver.model.catboost;

import java.util.Arrays;

/**
 * One oblivious (symmetric) tree: level d tests {@code x[features[d]] > borders[d]} on every
 * row, and the answers are the bits of the leaf index ({@code bit d} set when level d's test is
 * true), so {@code leaves} has {@code 2^depth} raw-score increments (learning rate included).
 * NaN fails every test. Arrays are copied in and out; immutable.
 */
record ObliviousTree(int[] features, float[] borders, double[] leaves) {

  ObliviousTree {
    features = features.clone();
    borders = borders.clone();
    leaves = leaves.clone();
    if (borders.length != features.length || leaves.length != 1 << features.length) {
      throw new IllegalArgumentException("a depth-" + features.length + " tree needs " + features.length + " borders and "
          + (1 << features.length) + " leaves, got " + borders.length + " and " + leaves.length);
    }
  }

  int depth() {
    return features.length;
  }

  @Override
  public int[] features() {
    return features.clone();
  }

  @Override
  public float[] borders() {
    return borders.clone();
  }

  @Override
  public double[] leaves() {
    return leaves.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObliviousTree t && Arrays.equals(t.features, features) && Arrays.equals(t.borders, borders)
        && Arrays.equals(t.leaves, leaves);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(borders)) + Arrays.hashCode(leaves);
  }
}
