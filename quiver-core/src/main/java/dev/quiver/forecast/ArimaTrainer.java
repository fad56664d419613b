package dev.quiver.forecast;

import dev.quiver.error.BadInputException;
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
import java.time.Instant;
import java.util.Map;

/** Fits {@link ArimaFamily}'s model; stateless, so one instance may fit concurrently. */
final class ArimaTrainer implements Trainer {

  private final Params params;

  ArimaTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.REGRESSION) {
      throw new BadInputException("the arima family forecasts a value (task regression), not " + train.task());
    }
    int column = params.getInt("column");
    if (column >= train.x().cols()) {
      throw new BadInputException("arima column " + column + " is outside the " + train.x().cols() + " input columns " + train.x().names());
    }
    ctx.progress().start(ArimaFamily.NAME, 1);
    double[] series = column(train.x(), column);
    int window = Math.min(series.length, params.getInt("window"));
    double[] recent = java.util.Arrays.copyOfRange(series, series.length - window, series.length);
    ArimaModel fitted = params.getBoolean("auto")
        ? AutoArima.fit(recent, new AutoArimaOptions(params.getInt("max_p"), params.getInt("max_q"), params.getInt("max_d"), -1, false)).best()
        : Arima.fit(recent, new ArimaOrder(params.getInt("p"), params.getInt("d"), params.getInt("q")));
    Provenance provenance = new Provenance(ArimaFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), train.x().names(),
        info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    ArimaSignalModel model = new ArimaSignalModel(train.x().names(), column, fitted.order(), fitted.params(), null, provenance);
    double[] trainScore = {model.mse(train)};
    double[] validScore = validation == null ? new double[0] : new double[] {model.mse(validation)};
    ctx.progress().advance(1);
    return model.withCurve(new LearningCurve("l2", false, trainScore, validScore, 1));
  }

  static double[] column(Matrix x, int col) {
    double[] out = new double[x.rows()];
    for (int r = 0; r < out.length; r++) out[r] = x.get(r, col);
    return out;
  }
}
