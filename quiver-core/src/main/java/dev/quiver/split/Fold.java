package dev.quiver.split;

import java.util.Objects;

/**
 * One train/validation/test split of a {@link dev.quiver.dataset.Dataset}: three disjoint
 * {@link Rows} sets. Rows in none of them were purged or embargoed (their labels read bars of a
 * test or validation period, see {@link Purge}). Validation may be empty; it serves early
 * stopping only, never reported scores.
 *
 * <p>{@link Holdout} and {@link TimeSeriesSplit} give contiguous segments, read with
 * {@link #trainFrom()} .. {@link #testTo()} as half-open ranges {@code [from, to)}; so does
 * walk-forward while label ends grow with the row (fixed horizons). Purged k-fold trains on both
 * sides of its test block, CPCV tests several groups at once, and labels of varying length (triple
 * barrier) can leave purged holes inside a training window, so in general read the rows with
 * {@link #train()}, {@link #test()} ({@link Rows#toArray()} gives a sorted {@code int[]}). The
 * range accessors of a segment that is not one range throw {@link IllegalStateException} rather
 * than hand out a span that would include purged or test rows.
 */
public record Fold(String name, Rows train, Rows validation, Rows test) {

  public Fold {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    if (!train.disjoint(test) || !train.disjoint(validation) || !validation.disjoint(test)) {
      throw new IllegalArgumentException("fold " + name + " segments overlap: train " + train + ", validation " + validation + ", test " + test);
    }
  }

  /**
   * A fold of three contiguous segments in time order: {@code trainFrom <= trainTo <= validFrom
   * <= validTo <= testFrom <= testTo}. Rows in the gaps {@code [trainTo, validFrom)} and
   * {@code [validTo, testFrom)} were purged.
   */
  public Fold(String name, int trainFrom, int trainTo, int validFrom, int validTo, int testFrom, int testTo) {
    this(name, orderedTrain(trainFrom, trainTo, validFrom, validTo, testFrom, testTo), Rows.range(validFrom, validTo), Rows.range(testFrom, testTo));
  }

  private static Rows orderedTrain(int trainFrom, int trainTo, int validFrom, int validTo, int testFrom, int testTo) {
    if (trainFrom < 0 || trainFrom > trainTo || trainTo > validFrom || validFrom > validTo || validTo > testFrom || testFrom > testTo) {
      throw new IllegalArgumentException("fold ranges must be ordered and non-overlapping: train [" + trainFrom + ", " + trainTo
          + "), validation [" + validFrom + ", " + validTo + "), test [" + testFrom + ", " + testTo + ")");
    }
    return Rows.range(trainFrom, trainTo);
  }

  public int trainFrom() {
    return range(train, "train").spanFrom();
  }

  public int trainTo() {
    return range(train, "train").spanTo();
  }

  public int validFrom() {
    return range(validation, "validation").spanFrom();
  }

  public int validTo() {
    return range(validation, "validation").spanTo();
  }

  public int testFrom() {
    return range(test, "test").spanFrom();
  }

  public int testTo() {
    return range(test, "test").spanTo();
  }

  public int trainRows() {
    return train.size();
  }

  public int validRows() {
    return validation.size();
  }

  public int testRows() {
    return test.size();
  }

  public boolean hasValidation() {
    return !validation.isEmpty();
  }

  private Rows range(Rows rows, String segment) {
    if (!rows.isRange()) {
      throw new IllegalStateException("the " + segment + " rows of fold " + name + " are " + rows.rangeCount()
          + " ranges, not one: read them with " + segment + "()");
    }
    return rows;
  }
}
