package dev.quiver.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The metric after each iteration of an iterative fit (boosting round, solver sweep), on the
 * training rows and on the validation rows: {@code train[k]} and {@code validation[k]} are the
 * scores of the model made of iterations {@code 1..k+1}. {@code validation} is empty when the fit
 * had no validation rows. {@code bestIteration} (1-based, {@code 0} only when no iteration ran)
 * is the iteration the fitted model keeps: the best validation score, the first one on ties, or
 * the last iteration without validation. {@code higherIsBetter} is true for scores such as AUC
 * and false for losses. The arrays are copied in and out, so instances are immutable.
 */
public record LearningCurve(String metric, boolean higherIsBetter, double[] train, double[] validation, int bestIteration) {

  public LearningCurve {
    Objects.requireNonNull(metric, "metric");
    train = train.clone();
    validation = validation == null ? new double[0] : validation.clone();
    if (validation.length != 0 && validation.length != train.length) {
      throw new IllegalArgumentException(validation.length + " validation scores for " + train.length + " iterations");
    }
    if (bestIteration < 0 || bestIteration > train.length) {
      throw new IllegalArgumentException("best iteration " + bestIteration + " outside [0, " + train.length + "]");
    }
  }

  @Override
  public double[] train() {
    return train.clone();
  }

  @Override
  public double[] validation() {
    return validation.clone();
  }

  /** Iterations run. */
  public int iterations() {
    return train.length;
  }

  /** The validation score of the kept iteration, or null without validation, without iterations, or when it is NaN. */
  public Double bestValidationScore() {
    if (validation.length == 0 || bestIteration == 0 || Double.isNaN(validation[bestIteration - 1])) return null;
    return validation[bestIteration - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearningCurve c && c.metric.equals(metric) && c.higherIsBetter == higherIsBetter
        && Arrays.equals(c.train, train) && Arrays.equals(c.validation, validation) && c.bestIteration == bestIteration;
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, higherIsBetter, Arrays.hashCode(train), Arrays.hashCode(validation), bestIteration);
  }

  @Override
  public String toString() {
    return "LearningCurve[" + metric + ", " + train.length + " iterations, best " + bestIteration + "]";
  }
}
