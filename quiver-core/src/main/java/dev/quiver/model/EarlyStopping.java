package dev.quiver.model;

/**
 * The iteration loop every iterative trainer shares: add one iteration, score it on the
 * training and validation rows, keep the best, and stop after {@code patience} iterations without
 * a strictly better validation score. Also stops at {@code maxIterations}, when the model cannot
 * grow, or when {@link TrainContext#cancel()} asks (a stop is not an error: the best model so far
 * is kept). Reports one progress unit per iteration; the caller starts the progress task.
 *
 * <p>Without validation rows, or with {@code patience} 0 (early stopping off), every iteration
 * runs and the last is kept; the validation scores are still recorded. A validation score that is
 * NaN (a metric undefined on those rows) never counts as better; if no iteration ever scored, the
 * last one is kept.
 */
public final class EarlyStopping {

  /** A model under training, grown one iteration at a time. Not called concurrently. */
  public interface Rounds<E extends Exception> {

    /** Adds one iteration; returns false, adding nothing, when the model cannot grow further. */
    boolean add() throws E;

    /** The metric after the latest iteration on the training rows. */
    double trainScore() throws E;

    /** The metric after the latest iteration on the validation rows (only called with validation). */
    double validationScore() throws E;

    /**
     * Called when the latest iteration scored best on validation so far and becomes the one the
     * model keeps, for trainers that must copy their state to keep it (a linear model's weights);
     * never called without validation, where the last iteration is kept.
     */
    default void improved() throws E {}
  }

  private EarlyStopping() {}

  /**
   * Runs the loop.
   *
   * @param patience iterations without improvement before stopping; 0 runs to {@code maxIterations} and keeps the last
   * @param validate whether validation rows exist (else every iteration is kept)
   */
  public static <E extends Exception> LearningCurve run(String metric, boolean higherIsBetter, int maxIterations, int patience,
      boolean validate, TrainContext ctx, Rounds<E> rounds) throws E {
    double[] train = new double[Math.max(1, Math.min(maxIterations, 1024))];
    double[] valid = new double[validate ? train.length : 0];
    int run = 0;
    int best = 0;
    double bestScore = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    while (run < maxIterations && !ctx.cancel().requested()) {
      if (!rounds.add()) break;
      if (run == train.length) {
        train = java.util.Arrays.copyOf(train, train.length * 2);
        if (validate) valid = java.util.Arrays.copyOf(valid, valid.length * 2);
      }
      train[run] = rounds.trainScore();
      run++;
      ctx.progress().advance(1);
      if (!validate) continue;
      double score = rounds.validationScore();
      valid[run - 1] = score;
      ctx.progress().scored(metric, higherIsBetter, run, score);
      if (patience == 0) continue;
      if (higherIsBetter ? score > bestScore : score < bestScore) {
        bestScore = score;
        best = run;
        rounds.improved();
      } else if (run - best >= patience && best > 0) {
        break;
      }
    }
    if (!validate || patience == 0 || best == 0) best = run;
    return new LearningCurve(metric, higherIsBetter, java.util.Arrays.copyOf(train, run),
        validate ? java.util.Arrays.copyOf(valid, run) : new double[0], best);
  }
}
