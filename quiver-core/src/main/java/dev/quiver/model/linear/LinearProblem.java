package dev.quiver.model.linear;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.FitInfo;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.logistic.Standardizer;
import java.time.Instant;
import java.util.Map;

/**
 * A linear least-squares problem as the linear families pose it: features standardized with the
 * training rows' mean and population std ({@link Standardizer}), the target standardized too
 * ({@code t = (y - mean(y)) / std(y)}, ddof 0; a constant target gets std 1), and the moments of
 * both on the training and validation rows. Weights {@code w} and intercept {@code b} live in
 * these standardized units, so a penalty {@code alpha} means the same for returns of 1e-4 and
 * prices of 1e3. Built once per fit; immutable.
 */
final class LinearProblem {

  final Task task;
  final Matrix x;
  final double[] mean;
  final double[] std;
  final double yMean;
  final double ySd;
  final Moments train;
  final Moments validation;

  private LinearProblem(Task task, Matrix x, double[] mean, double[] std, double yMean, double ySd, Moments train, Moments validation) {
    this.task = task;
    this.x = x;
    this.mean = mean;
    this.std = std;
    this.yMean = yMean;
    this.ySd = ySd;
    this.train = train;
    this.validation = validation;
  }

  static LinearProblem of(String family, TrainSet train, TrainSet validation) {
    Matrix x = train.x();
    int rows = x.rows();
    int cols = x.cols();
    if (rows < 2 || cols == 0) {
      throw new BadInputException(Where.none(), family + " needs at least two training rows and one feature, got " + rows + " rows and "
          + cols + " features", "use more data or features");
    }
    if (validation != null && (validation.task() != train.task() || !validation.x().names().equals(x.names()))) {
      throw new IllegalArgumentException("validation rows must have the training set's task and features");
    }
    float[] y = train.y();
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      if (!Float.isFinite(y[r])) {
        throw new BadInputException(Where.none(), family + " needs finite targets; training row " + r + " has " + y[r], "drop rows without a label");
      }
      sum += y[r];
    }
    double yMean = sum / rows;
    double ss = 0;
    for (int r = 0; r < rows; r++) ss += (y[r] - yMean) * (y[r] - yMean);
    double sd = Math.sqrt(ss / rows);
    if (train.task() == Task.BINARY && !(sd > 0)) {
      throw new BadInputException(Where.none(), family + " needs both classes in the training rows, got " + rows + " rows all of class "
          + (int) y[0], "use more data or another label");
    }
    double ySd = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
    double[] mean = new double[cols];
    double[] std = new double[cols];
    Standardizer.fit(x, mean, std);
    Moments t = Moments.of(x, y, mean, std, yMean, ySd);
    Moments v = validation != null && validation.rows() > 0 ? Moments.of(validation.x(), validation.y(), mean, std, yMean, ySd) : null;
    return new LinearProblem(train.task(), x, mean, std, yMean, ySd, t, v);
  }

  int features() {
    return x.cols();
  }

  /** The least-squares intercept for weights w: {@code mean(t) - mean(z).w}. */
  double intercept(double[] w) {
    double b = train.tbar;
    for (int j = 0; j < w.length; j++) b -= train.zbar[j] * w[j];
    return b;
  }

  /** Mean squared error of weights w (with their intercept), in the target's own units. */
  double trainMse(double[] w) {
    return train.mse(intercept(w), w) * ySd * ySd;
  }

  double validationMse(double[] w) {
    return validation.mse(intercept(w), w) * ySd * ySd;
  }

  /** The fitted model of standardized weights w, in the target's units. */
  LinearModel model(String family, double[] w, LearningCurve curve, Params params, TrainContext ctx, FitInfo info) {
    double[] coef = new double[w.length];
    for (int j = 0; j < w.length; j++) coef[j] = w[j] * ySd;
    double intercept = yMean + intercept(w) * ySd;
    Provenance provenance = new Provenance(family, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), x.names(), info.fold(),
        Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new LinearModel(x.names(), task, coef, intercept, mean, std, curve, provenance);
  }
}
