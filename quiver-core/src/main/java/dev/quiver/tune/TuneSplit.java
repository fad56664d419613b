package dev.quiver.tune;

/**
 * How a trial is scored: {@code folds == 0} trains on the experiment's holdout training rows and
 * scores on its validation rows; {@code folds >= 1} walks forward over the training and validation
 * rows (the test segment is never touched) in that many equal test blocks, each trained on every
 * row before it, and scores the mean over the folds.
 */
public record TuneSplit(int folds) {

  public static final TuneSplit HOLDOUT = new TuneSplit(0);

  public TuneSplit {
    if (folds < 0) throw new IllegalArgumentException("folds must be >= 0, got " + folds);
  }

  public boolean walkForward() {
    return folds > 0;
  }

  public String label() {
    return folds == 0 ? "holdout" : "walk_forward(" + folds + ")";
  }
}
