package dev.quiver.select;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.ForecastRanking;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.importance.PermutationImportance;
import dev.quiver.split.Fold;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Rows;
import dev.quiver.split.Splitter;
import dev.quiver.split.WalkForward;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Feature selection by model importance with time-series cross-validation (see
 * {@link SelectionSettings} for the methods, folds and metrics).
 *
 * <p>Every feature set is scored the same way: the model is fitted on each fold's training rows
 * (with the fold's validation rows for early stopping when the splitter has them) and scored on
 * the fold's test rows; the score is the mean over the folds whose score is defined. Importance
 * comes from the same fits: the model's own measure ({@link FittedModel#importance()}: gain,
 * split, |coefficient|) where it has one, permutation importance on the fold's test rows (3
 * repeats) otherwise; each fold's values are divided by their sum of absolute values before
 * they are averaged, so a fold with larger gains does not outvote the others. Among equally
 * important features the later column is dropped first. Fits run one after another, each with
 * {@code threads} threads and the same seed, so a selection is deterministic when the family is.
 * Not thread-safe.
 */
public final class FeatureSelection {

  private static final int PERMUTATION_REPEATS = 3;

  private final ModelFamily family;
  private final String variant;
  private final Params params;
  private final SelectionSettings settings;
  private final int threads;
  private final long seed;

  public FeatureSelection(ModelFamily family, String variant, Params params, SelectionSettings settings, int threads, long seed) {
    this.family = family;
    this.variant = variant;
    this.params = params;
    this.settings = settings;
    this.threads = threads;
    this.seed = seed;
  }

  /** @throws BadInputException when the settings do not fit the dataset (too few features, r2 on a binary task) */
  public SelectionResult select(Dataset data) {
    List<String> names = data.featureNames();
    int p = names.size();
    check(data, p);
    List<Fold> folds = splitter(data.rows()).folds(data);
    int[] current = new int[p];
    for (int j = 0; j < p; j++) current[j] = j;
    List<SelectionStep> steps = new ArrayList<>();
    String[] kind = {null};
    if (settings.method().equals("topk")) {
      Round all = evaluate(data, folds, current, kind);
      int[] kept = mostImportant(current, all.importance, Math.min(settings.k(), p));
      steps.add(all.step(namesOf(names, current), namesOf(names, without(current, kept))));
      if (kept.length < p) steps.add(evaluate(data, folds, kept, kind).step(namesOf(names, kept), List.of()));
      return new SelectionResult("topk", settings.metric(), kind[0], namesOf(names, kept), steps);
    }
    List<int[]> sets = new ArrayList<>();
    while (true) {
      Round r = evaluate(data, folds, current, kind);
      sets.add(current);
      if (current.length <= settings.minFeatures()) {
        steps.add(r.step(namesOf(names, current), List.of()));
        break;
      }
      int keep = Math.max(settings.minFeatures(), current.length - settings.step());
      int[] kept = mostImportant(current, r.importance, keep);
      steps.add(r.step(namesOf(names, current), namesOf(names, without(current, kept))));
      current = kept;
    }
    int best = -1;
    for (int s = 0; s < steps.size(); s++) {
      double score = steps.get(s).score();
      if (Double.isNaN(score)) continue;
      if (best < 0 || score >= steps.get(best).score()) best = s;
    }
    if (best < 0) best = 0;
    return new SelectionResult("rfecv", settings.metric(), kind[0], namesOf(names, sets.get(best)), steps);
  }

  private void check(Dataset data, int p) {
    if (data.task() == Task.MULTICLASS) {
      throw new BadInputException(Where.cell("select", 0, "label"), "feature selection does not score multiclass labels (" + data.classes() + " classes)",
          "select features with a binary label such as direction, then train the multiclass model on them");
    }
    if (settings.metric().equals("r2") && data.task() == Task.BINARY) {
      throw new BadInputException(Where.cell("select", 0, "metric"), "metric r2 needs a regression label, this one is binary", "use metric auc or ic");
    }
    if (settings.method().equals("rfecv") && settings.minFeatures() > p) {
      throw new BadInputException(Where.cell("select", 0, "min_features"), "min_features " + settings.minFeatures() + " is more than the "
          + p + " features", "give min_features at most " + p);
    }
    if (settings.method().equals("topk") && settings.k() > p) {
      throw new BadInputException(Where.cell("select", 0, "k"), "k " + settings.k() + " is more than the " + p + " features", "give k at most " + p);
    }
  }

  private Splitter splitter(int rows) {
    if (settings.cv().equals("purged-kfold")) return new PurgedKFold(settings.folds(), settings.embargoPct());
    int block = rows / (settings.folds() + 1);
    if (block < 1) {
      throw new BadInputException(Where.cell("select", 0, "folds"), settings.folds() + " walk-forward folds need at least " + (settings.folds() + 1)
          + " rows, there are " + rows, "use fewer folds or more data");
    }
    return new WalkForward(block, block, block, true);
  }

  private record Round(double score, double scoreStd, double[] importance) {
    SelectionStep step(List<String> features, List<String> removed) {
      return new SelectionStep(features.size(), features, score, scoreStd, removed);
    }
  }

  /** Mean test score over the folds and fold-averaged normalised importance, for the columns {@code cols}. */
  private Round evaluate(Dataset data, List<Fold> folds, int[] cols, String[] kind) {
    double[] importance = new double[cols.length];
    double[] scores = new double[folds.size()];
    int scored = 0;
    for (Fold fold : folds) {
      TrainSet train = gather(data, fold.train(), cols);
      TrainSet valid = fold.hasValidation() ? gather(data, fold.validation(), cols) : null;
      TrainSet test = gather(data, fold.test(), cols);
      FittedModel model = family.trainer(params).fit(train, valid, TrainContext.of(threads, seed), new FitInfo(variant, data.sha256(), fold.name()));
      double[] p = model.predict(test.x()).values();
      double s = score(data.task(), test, p);
      if (!Double.isNaN(s)) scores[scored++] = s;
      double[] fi = importance(model, test, kind);
      double norm = 0;
      for (double v : fi) norm += Math.abs(v);
      if (norm > 0) for (int j = 0; j < fi.length; j++) importance[j] += fi[j] / norm;
    }
    for (int j = 0; j < importance.length; j++) importance[j] /= folds.size();
    double mean = Double.NaN;
    double std = Double.NaN;
    if (scored > 0) {
      double sum = 0;
      for (int f = 0; f < scored; f++) sum += scores[f];
      mean = sum / scored;
    }
    if (scored > 1) {
      double ss = 0;
      for (int f = 0; f < scored; f++) ss += (scores[f] - mean) * (scores[f] - mean);
      std = Math.sqrt(ss / (scored - 1));
    }
    return new Round(mean, std, importance);
  }

  private double[] importance(FittedModel model, TrainSet test, String[] kind) {
    List<String> names = test.x().names();
    Optional<FeatureImportance> own = model.importance();
    if (own.isPresent() && !own.get().values().isEmpty()) {
      if (kind[0] == null) kind[0] = own.get().kind();
      double[] v = new double[names.size()];
      for (int j = 0; j < v.length; j++) {
        Double x = own.get().values().get(names.get(j));
        v[j] = x == null || x.isNaN() ? 0 : x;
      }
      return v;
    }
    PermutationImportance pi = PermutationImportance.compute(model, test.x(), test.y(), PERMUTATION_REPEATS, seed);
    if (kind[0] == null) kind[0] = "permutation_" + pi.metric();
    double[] v = pi.meanDrop();
    for (int j = 0; j < v.length; j++) if (Double.isNaN(v[j])) v[j] = 0;
    return v;
  }

  private double score(Task task, TrainSet test, double[] p) {
    switch (settings.metric()) {
      case "r2":
        return RegressionMetrics.of(test.y(), p).r2();
      case "ic":
        return ForecastRanking.of(p, test.forwardReturn()).ic();
      default:
        return task == Task.BINARY ? ClassificationMetrics.of(test.y(), p).auc() : ForecastRanking.of(p, test.forwardReturn()).auc();
    }
  }

  /** The {@code keep} columns of {@code cols} with the highest importance, in column order; ties keep the earlier column. */
  static int[] mostImportant(int[] cols, double[] importance, int keep) {
    Integer[] order = new Integer[cols.length];
    for (int j = 0; j < cols.length; j++) order[j] = j;
    Arrays.sort(order, (a, b) -> importance[a] != importance[b] ? Double.compare(importance[b], importance[a]) : Integer.compare(a, b));
    int[] kept = new int[keep];
    for (int j = 0; j < keep; j++) kept[j] = cols[order[j]];
    Arrays.sort(kept);
    return kept;
  }

  private static int[] without(int[] cols, int[] kept) {
    int[] out = new int[cols.length - kept.length];
    int n = 0;
    for (int c : cols) if (Arrays.binarySearch(kept, c) < 0) out[n++] = c;
    return out;
  }

  private static List<String> namesOf(List<String> names, int[] cols) {
    List<String> out = new ArrayList<>(cols.length);
    for (int c : cols) out.add(names.get(c));
    return out;
  }

  /** The rows {@code rows} and columns {@code cols} of {@code data} as a training set (copied). */
  static TrainSet gather(Dataset data, Rows rows, int[] cols) {
    Matrix x = data.x();
    int n = rows.size();
    int c = cols.length;
    float[] out = new float[n * c];
    float[] y = new float[n];
    double[] fr = new double[n];
    int r = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      for (int i = rows.from(k); i < rows.to(k); i++, r++) {
        for (int j = 0; j < c; j++) out[r * c + j] = x.get(i, cols[j]);
        y[r] = data.y()[i];
        fr[r] = data.forwardReturn()[i];
      }
    }
    List<String> names = new ArrayList<>(c);
    for (int col : cols) names.add(x.names().get(col));
    java.util.Map<String, float[]> aux = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, float[]> e : data.auxiliary().entrySet()) {
      float[] v = new float[n];
      int at = 0;
      for (int k = 0; k < rows.rangeCount(); k++) for (int i = rows.from(k); i < rows.to(k); i++) v[at++] = e.getValue()[i];
      aux.put(e.getKey(), v);
    }
    return new TrainSet(new Matrix(out, n, c, names), y, data.task(), fr, aux);
  }
}
