package dev.quiver.split;

/** Contiguous blocks as numpy's {@code array_split(arange(n), k)} makes them. */
final class ArraySplit {

  private ArraySplit() {}

  /**
   * The k + 1 block bounds: block {@code b} is {@code [bounds[b], bounds[b + 1])}; the first
   * {@code n mod k} blocks hold {@code n / k + 1} rows, the others {@code n / k}.
   */
  static int[] bounds(int n, int k) {
    int[] bounds = new int[k + 1];
    int base = n / k;
    int longer = n % k;
    for (int b = 0; b < k; b++) bounds[b + 1] = bounds[b] + base + (b < longer ? 1 : 0);
    return bounds;
  }
}
