package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.linear.RidgeFamily;
import dev.quiver.model.logistic.LogisticFamily;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Fits a {@link VaeFamily} model: the {@link Vae} on the training rows' features (validation rows
 * for its early stopping, no targets read), then the head on {@link Vae#withFeatures} of the same
 * rows with their targets. Importance is measured on the input columns of the whole pipeline: the
 * rise of the head's loss (log loss for binary, mean squared error for regression) on at most
 * {@value #IMPORTANCE_ROWS} validation rows (training rows without validation) when one column's
 * values are shuffled among them (seeded). Stateless.
 */
final class VaeTrainer implements Trainer {

  static final int IMPORTANCE_ROWS = 4096;

  private final Params params;

  VaeTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (validation != null && !validation.x().names().equals(train.x().names())) {
      throw new BadInputException(Where.none(), "validation columns " + validation.x().names() + " differ from training columns " + train.x().names(),
          "build both from one dataset");
    }
    TrainSet valid = validation == null || validation.rows() == 0 ? null : validation;
    Vae.Settings settings = new Vae.Settings(params.getInt("hidden"), params.getInt("latent"), params.getDouble("beta"), params.getInt("epochs"),
        params.getInt("batch_size"), params.getDouble("learning_rate"), params.getInt("patience"));
    CheckpointPlan plan = CheckpointPlan.of(VaeFamily.NAME, params, ctx, train, valid);
    Vae.Run run = new Vae.Run(params.getString("device"), plan.checkpoints(), plan.every(), plan.resume());
    Vae vae = Vae.fit(train.x(), valid == null ? null : valid.x(), settings, ctx, run);
    FittedModel head = null;
    boolean ok = false;
    try {
      ModelFamily family = headFamily(train.task());
      TrainSet headTrain = new TrainSet(vae.withFeatures(train.x()), train.y(), train.task(), train.forwardReturn());
      TrainSet headValid = valid == null ? null : new TrainSet(vae.withFeatures(valid.x()), valid.y(), valid.task(), valid.forwardReturn());
      head = family.trainer(family.params("balanced", headOverrides())).fit(headTrain, headValid, ctx, info);
      TrainSet scored = valid != null ? valid : train;
      FeatureImportance importance = importance(vae, head, scored, ctx.seed());
      LearningCurve curve = new LearningCurve("vae_loss", false, vae.trainCurve(), valid == null ? null : vae.curve(), vae.bestEpoch());
      Map<String, String> runtime = new LinkedHashMap<>();
      runtime.put("djl", ai.djl.engine.Engine.getDjlVersion());
      runtime.put("pytorch", TorchRuntime.engine().getVersion());
      runtime.put("device", vae.device().toString());
      runtime.put("threads", String.valueOf(ctx.threads()));
      Provenance provenance = new Provenance(VaeFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), train.x().names(),
          info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(runtime), Instant.now());
      VaeModel m = new VaeModel(params, vae, family.name(), head, train.task(), train.x().names(), curve, importance, provenance);
      ok = true;
      return m;
    } finally {
      if (!ok) {
        vae.close();
        if (head instanceof AutoCloseable c) VaeModel.closeHead(c);
      }
    }
  }

  private ModelFamily headFamily(Task task) {
    if (params.getString("head").equals("mlp")) return new MlpFamily();
    return task == Task.BINARY ? new LogisticFamily() : new RidgeFamily();
  }

  private Map<String, String> headOverrides() {
    if (!params.getString("head").equals("mlp")) return Map.of();
    return Map.of("epochs", params.getString("head_epochs"), "device", params.getString("device"));
  }

  /** Input-level permutation importance of the whole pipeline (see the class comment). */
  private static FeatureImportance importance(Vae vae, FittedModel head, TrainSet scored, long seed) {
    Matrix x = scored.x();
    int n = Math.min(x.rows(), IMPORTANCE_ROWS);
    int cols = x.cols();
    float[] rows = new float[n * cols];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int r = (int) ((long) i * x.rows() / n);
      for (int c = 0; c < cols; c++) rows[i * cols + c] = x.get(r, c);
      y[i] = scored.y()[r];
    }
    double base = loss(head, vae, new Matrix(rows, n, cols, x.names()), y, scored.task());
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    int[] perm = new int[n];
    Map<String, Double> values = new LinkedHashMap<>();
    float[] shuffled = new float[rows.length];
    for (int c = 0; c < cols; c++) {
      for (int i = 0; i < n; i++) perm[i] = i;
      for (int i = n - 1; i > 0; i--) {
        int k = rnd.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      System.arraycopy(rows, 0, shuffled, 0, rows.length);
      for (int i = 0; i < n; i++) shuffled[i * cols + c] = rows[perm[i] * cols + c];
      values.put(x.names().get(c), loss(head, vae, new Matrix(shuffled, n, cols, x.names()), y, scored.task()) - base);
    }
    return new FeatureImportance("permutation_loss_increase", values);
  }

  private static double loss(FittedModel head, Vae vae, Matrix x, float[] y, Task task) {
    double[] p = head.predict(vae.withFeatures(x)).values();
    double sum = 0;
    int n = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) continue;
      if (task == Task.BINARY) {
        double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
        sum -= y[i] == 1f ? Math.log(q) : Math.log(1 - q);
      } else {
        double d = p[i] - y[i];
        sum += d * d;
      }
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
