package dev.quiver.split;

/**
 * One train/validation/test split of a {@link dev.quiver.dataset.Dataset} as half-open row
 * ranges {@code [from, to)}. Segments are in time order and do not overlap: {@code trainFrom <=
 * trainTo <= validFrom <= validTo <= testFrom <= testTo}. Rows in the gaps between them
 * ({@code [trainTo, validFrom)}, {@code [validTo, testFrom)}) were purged: their labels read bars
 * of the next segment. Validation may be empty ({@code validFrom == validTo}); it serves early
 * stopping only, never reported scores.
 */
public record Fold(String name, int trainFrom, int trainTo, int validFrom, int validTo, int testFrom, int testTo) {

  public Fold {
    if (trainFrom < 0 || trainFrom > trainTo || trainTo > validFrom || validFrom > validTo || validTo > testFrom || testFrom > testTo) {
      throw new IllegalArgumentException("fold ranges must be ordered and non-overlapping: train [" + trainFrom + ", " + trainTo
          + "), validation [" + validFrom + ", " + validTo + "), test [" + testFrom + ", " + testTo + ")");
    }
  }

  public int trainRows() {
    return trainTo - trainFrom;
  }

  public int validRows() {
    return validTo - validFrom;
  }

  public int testRows() {
    return testTo - testFrom;
  }

  public boolean hasValidation() {
    return validTo > validFrom;
  }
}
