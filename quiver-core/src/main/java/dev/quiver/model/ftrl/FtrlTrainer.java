package dev.quiver.model.ftrl;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.logistic.Standardizer;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/** Fits {@link FtrlFamily}'s model pass by pass; stateless, so one instance may fit concurrently. */
final class FtrlTrainer implements Trainer {

  private final Params params;

  FtrlTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "ftrl fits binary labels only, got a " + train.task() + " target",
          "use a binary label (direction, triple_barrier) or a family that does regression (ridge, ngboost)");
    }
    Matrix x = train.x();
    int p = x.cols();
    double[] mean = new double[p];
    double[] std = new double[p];
    Standardizer.fit(x, mean, std);
    FtrlState state = new FtrlState(params.getDouble("alpha"), params.getDouble("beta"), params.getDouble("l1"), params.getDouble("l2"),
        mean, std, new double[p + 1], new double[p + 1], 0);
    int epochs = params.getInt("epochs");
    boolean shuffle = params.getBoolean("shuffle");
    SplittableRandom rnd = new SplittableRandom(ctx.seed());
    int rows = train.rows();
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) order[i] = i;
    float[] y = train.y();
    boolean validate = validation != null && validation.rows() > 0;
    double[] w = new double[p + 1];
    double[] trainP = new double[rows];
    double[] validP = validate ? new double[validation.rows()] : null;
    FtrlState[] kept = {null};
    int[] keptPass = {0};
    int[] pass = {0};
    ctx.progress().start(FtrlFamily.NAME, epochs);
    LearningCurve curve = EarlyStopping.run("binary_logloss", false, epochs, params.getInt("patience"), validate, ctx,
        new EarlyStopping.Rounds<RuntimeException>() {
          @Override
          public boolean add() {
            if (shuffle) {
              for (int i = rows - 1; i > 0; i--) {
                int k = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
              }
            }
            for (int i = 0; i < rows; i++) state.learn(x, order[i], y[order[i]]);
            pass[0]++;
            state.weights(w);
            return true;
          }

          @Override
          public double trainScore() {
            FtrlState.predict(x, mean, std, w, trainP);
            return FtrlState.logLoss(y, trainP);
          }

          @Override
          public double validationScore() {
            FtrlState.predict(validation.x(), mean, std, w, validP);
            return FtrlState.logLoss(validation.y(), validP);
          }

          @Override
          public void improved() {
            kept[0] = state.copy();
            keptPass[0] = pass[0];
          }
        });
    FtrlState best = kept[0] != null && keptPass[0] == curve.bestIteration() ? kept[0] : state;
    Provenance provenance = new Provenance(FtrlFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new FtrlModel(x.names(), best, curve, provenance);
  }
}
