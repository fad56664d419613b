package dev.quiver.model.logistic;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** Fits {@link LogisticFamily}'s model; stateless, so one instance may fit concurrently. The validation set is not used. */
final class LogisticTrainer implements Trainer {

  private final Params params;

  LogisticTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "logistic fits binary labels only, got a " + train.task() + " target",
          "use a binary label (direction, triple_barrier) or a family that does regression (lightgbm)");
    }
    Matrix x = train.x();
    float[] y = train.y();
    int rows = x.rows();
    int cols = x.cols();
    long positives = 0;
    for (float v : y) if (v == 1f) positives++;
    if (positives == 0 || positives == rows) {
      throw new BadInputException(Where.none(), "logistic needs both classes in the training rows, got " + rows + " rows all of class "
          + (positives == 0 ? 0 : 1), "use more data or another label");
    }
    ctx.progress().start("logistic", 1);

    double[] mean = new double[cols];
    double[] std = new double[cols];
    Standardizer.fit(x, mean, std);

    Problem problem = new Problem();
    problem.l = rows;
    problem.n = cols + 1;
    problem.bias = 1.0;
    problem.y = new double[rows];
    problem.x = new Feature[rows][];
    double[] z = new double[cols];
    for (int r = 0; r < rows; r++) {
      Standardizer.row(x, r, mean, std, z);
      int nonZero = 0;
      for (int j = 0; j < cols; j++) if (z[j] != 0) nonZero++;
      Feature[] nodes = new Feature[nonZero + 1];
      int k = 0;
      for (int j = 0; j < cols; j++) if (z[j] != 0) nodes[k++] = new FeatureNode(j + 1, z[j]);
      nodes[k] = new FeatureNode(cols + 1, 1.0);
      problem.x[r] = nodes;
      problem.y[r] = y[r];
    }

    Parameter parameter = parameter(rows, positives, ctx.seed());
    Linear.disableDebugOutput();
    Model model = Linear.train(problem, parameter);

    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == 1 ? 1.0 : -1.0;
    double[] coef = new double[cols];
    for (int j = 0; j < cols; j++) coef[j] = sign * w[j];
    double intercept = sign * w[cols] * problem.bias;
    ctx.progress().advance(1);

    Provenance provenance = new Provenance(LogisticFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of("liblinear", LogisticModel.liblinearVersion())),
        Instant.now());
    return new LogisticModel(x.names(), coef, intercept, mean, std, parameter.getSolverType().name(), provenance);
  }

  private Parameter parameter(int rows, long positives, long seed) {
    boolean l1 = params.getString("penalty").equals("l1");
    boolean dual = params.getString("solver").equals("dual");
    SolverType type = l1 ? SolverType.L1R_LR : dual ? SolverType.L2R_LR_DUAL : SolverType.L2R_LR;
    Parameter p = new Parameter(type, params.getDouble("c"), params.getDouble("eps"));
    p.setMaxIters(params.getInt("max_iter"));
    p.setRandom(new Random(seed));
    p.setRegularizeBias(dual);
    if (params.getString("class_weight").equals("balanced")) {
      long negatives = rows - positives;
      p.setWeights(new double[] {rows / (2.0 * negatives), rows / (2.0 * positives)}, new int[] {0, 1});
    }
    return p;
  }
}
