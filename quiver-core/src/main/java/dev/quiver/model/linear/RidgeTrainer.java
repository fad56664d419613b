package dev.quiver.model.linear;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;

/** Fits {@link RidgeFamily}'s model by solving {@code (cov(z) + alpha I) w = cov(z, t)}; stateless, so one instance may fit concurrently. */
final class RidgeTrainer implements Trainer {

  private final Params params;

  RidgeTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    ctx.progress().start(RidgeFamily.NAME, 1);
    LinearProblem problem = LinearProblem.of(RidgeFamily.NAME, train, validation);
    int p = problem.features();
    double alpha = params.getDouble("alpha");
    double[] a = problem.train.centeredG();
    for (int j = 0; j < p; j++) a[j * p + j] += alpha;
    double[] w = problem.train.centeredC();
    if (!Cholesky.solveInPlace(a, w, p)) {
      throw new BadInputException(Where.none(), "ridge with alpha " + alpha + " cannot be solved: the features are collinear (or constant)",
          "use alpha > 0 (e.g. the balanced variant's 1.0) or drop redundant features");
    }
    double[] trainScore = {problem.trainMse(w)};
    double[] validScore = problem.validation == null ? new double[0] : new double[] {problem.validationMse(w)};
    ctx.progress().advance(1);
    return problem.model(RidgeFamily.NAME, w, new LearningCurve("l2", false, trainScore, validScore, 1), params, ctx, info);
  }
}
