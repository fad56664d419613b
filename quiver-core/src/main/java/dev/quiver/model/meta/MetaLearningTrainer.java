package dev.quiver.model.meta;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Fits {@link MetaLearningFamily}'s model; stateless, so one instance may fit concurrently. */
final class MetaLearningTrainer implements Trainer {

  private final Params params;

  MetaLearningTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "meta_learning fits binary labels only, got a " + train.task() + " target", "use a binary label");
    }
    ModelFamilies families = ModelFamilies.discover();
    List<ModelFamily> bases = MetaLearningFamily.bases(params, families);
    int b = bases.size();
    int n = train.rows();
    int folds = params.getInt("folds");
    int window = params.getInt("window");
    int gap = params.getInt("gap");
    int oofFrom = n / folds;
    if (oofFrom < 10 || n - oofFrom < 10) {
      throw new BadInputException(Where.none(), "meta_learning with " + folds + " folds needs more than " + n + " training rows", "use more rows or fewer folds");
    }
    Matrix x = train.x();
    float[] y = train.y();
    ctx.progress().start(MetaLearningFamily.NAME, folds + b);

    double[][] oof = new double[b][n - oofFrom];
    for (int k = 1; k < folds; k++) {
      int from = (int) ((long) n * k / folds);
      int to = (int) ((long) n * (k + 1) / folds);
      TrainSet past = slice(train, 0, from);
      for (int m = 0; m < b; m++) {
        FittedModel base = fitBase(bases.get(m), past, null, ctx, info, "oof-" + k);
        double[] p = base.predict(x.rows(from, to)).values();
        System.arraycopy(p, 0, oof[m], from - oofFrom, to - from);
        close(base);
      }
      ctx.progress().advance(1);
    }

    int rows = n - oofFrom;
    RollingAccuracy[] acc = new RollingAccuracy[b];
    double[][] accuracy = new double[b][rows];
    float[][] right = new float[b][rows];
    for (int m = 0; m < b; m++) acc[m] = new RollingAccuracy(window, gap);
    for (int r = 0; r < rows; r++) {
      for (int m = 0; m < b; m++) {
        accuracy[m][r] = acc[m].current();
        double hit = Router.right(oof[m][r], y[oofFrom + r]);
        right[m][r] = (float) hit;
        acc[m].push(hit);
      }
    }
    List<String> contextNames = contextNames(x.names(), bases);
    Matrix context = Router.context(x.rows(oofFrom, n), accuracy, contextNames);
    ModelFamily logistic = families.get("logistic");
    Params routerParams = logistic.params("balanced", Map.of("c", String.valueOf(params.getDouble("router_c"))));
    FittedModel[] routers = new FittedModel[b];
    double[] constants = new double[b];
    for (int m = 0; m < b; m++) {
      double hits = 0;
      for (float v : right[m]) hits += v;
      if (hits == 0 || hits == rows) constants[m] = hits == 0 ? 0.0 : 1.0;
      else routers[m] = logistic.trainer(routerParams).fit(new TrainSet(context, right[m], Task.BINARY), null, ctx, info);
    }
    int[] oofChoice = Router.choose(context, routers, constants);
    double[] routedOof = new double[rows];
    int[] chosen = new int[b];
    for (int r = 0; r < rows; r++) {
      routedOof[r] = oof[oofChoice[r]][r];
      chosen[oofChoice[r]]++;
    }

    FittedModel[] finals = new FittedModel[b];
    for (int m = 0; m < b; m++) {
      finals[m] = fitBase(bases.get(m), train, validation, ctx, info, "final");
      ctx.progress().advance(1);
    }
    MetaLearningModel.State state = new MetaLearningModel.State(window, gap, new double[b][]);
    for (int m = 0; m < b; m++) state.recent()[m] = acc[m].recent();
    List<String> names = new ArrayList<>();
    for (ModelFamily f : bases) names.add(f.name());
    Provenance provenance = new Provenance(MetaLearningFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    double trainAuc = ClassificationMetrics.of(Arrays.copyOfRange(y, oofFrom, n), routedOof).auc();
    MetaLearningModel partial = new MetaLearningModel(x.names(), names, finals, routers, constants, contextNames, state, chosen, null, provenance);
    double[] valid = new double[0];
    MetaLearningModel.State kept = state;
    if (validation != null && validation.rows() > 0) {
      MetaLearningModel.Routed routed = partial.route(validation.x(), validation.y());
      valid = new double[] {ClassificationMetrics.of(validation.y(), routed.probabilities()).auc()};
      kept = routed.after();
    }
    LearningCurve curve = new LearningCurve("auc", true, new double[] {trainAuc}, valid, 1);
    return new MetaLearningModel(x.names(), names, finals, routers, constants, contextNames, kept, chosen, curve, provenance);
  }

  private static FittedModel fitBase(ModelFamily family, TrainSet rows, TrainSet validation, TrainContext ctx, FitInfo info, String stage) {
    FitInfo baseInfo = new FitInfo("balanced", info.dataSha256(), (info.fold().isEmpty() ? "" : info.fold() + "/") + stage + "/" + family.name());
    return family.trainer(family.params("balanced", Map.of())).fit(rows, validation, ctx, baseInfo);
  }

  private static TrainSet slice(TrainSet set, int from, int to) {
    double[] fr = set.forwardReturn() == null ? null : Arrays.copyOfRange(set.forwardReturn(), from, to);
    return new TrainSet(set.x().rows(from, to), Arrays.copyOfRange(set.y(), from, to), set.task(), fr, set.auxiliaryRows(from, to));
  }

  static List<String> contextNames(List<String> features, List<ModelFamily> bases) {
    List<String> names = new ArrayList<>(features);
    for (ModelFamily f : bases) names.add("rolling_accuracy:" + f.name());
    return names;
  }

  private static void close(FittedModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new dev.quiver.error.InternalException("cannot close a base model: " + e.getMessage(), e);
      }
    }
  }
}
