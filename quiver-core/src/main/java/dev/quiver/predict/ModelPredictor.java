package dev.quiver.predict;

import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.features.MultiTimeframe;
import dev.quiver.labels.Labeler;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.Targets;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Predictions;
import dev.quiver.model.Schema;
import dev.quiver.model.TrainSet;
import dev.quiver.registry.FeatureRecipe;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.registry.RegisteredModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts with a registered model from bars, for embedding in a trading system: loads and
 * verifies the model ({@link ModelRegistry#load}), then for each symbol computes the model's
 * features exactly as at training from its recorded {@link FeatureRecipe}: resample to the base
 * timeframe, compute the feature spec, join the higher timeframes as of their last closed bar,
 * check the columns against the model's schema, drop the warm-up rows (before the base set's
 * lookback and before every feature has a value, as training did), and predict.
 *
 * <pre>
 * try (ModelRegistry registry = ModelRegistry.open(Path.of("models"));
 *     ModelPredictor p = ModelPredictor.load(registry, ModelRef.parse("demo-lightgbm@production"), ModelFamilies.discover())) {
 *   SymbolPredictions s = p.predict(bars);   // s.values()[s.size() - 1]: P(up) for the next bar
 * }
 * </pre>
 *
 * Predictions may run concurrently; close once when done (frees native model memory).
 */
public final class ModelPredictor implements AutoCloseable {

  private final RegisteredModel model;

  public ModelPredictor(RegisteredModel model) {
    this.model = model;
  }

  /** Loads and verifies {@code ref} from {@code registry}. */
  public static ModelPredictor load(ModelRegistry registry, ModelRef ref, ModelFamilies families) {
    return new ModelPredictor(registry.load(ref, families));
  }

  public ModelVersion version() {
    return model.version();
  }

  /** The loaded model (owned by this predictor: do not close it). */
  public FittedModel model() {
    return model.model();
  }

  public Schema schema() {
    return model.model().inputSchema();
  }

  /** Predictions for rows whose columns are already the model's features, in its schema's order. */
  public Predictions predict(Matrix features) {
    return model.model().predict(features);
  }

  /** Predictions for one symbol's bars (any timeframe not coarser than the model's). */
  public SymbolPredictions predict(Bars bars) {
    return predict(bars, "");
  }

  /** Predictions for every series, in order. */
  public List<SymbolPredictions> predict(List<Bars> series) {
    List<SymbolPredictions> out = new ArrayList<>(series.size());
    for (Bars b : series) out.add(predict(b, ""));
    return out;
  }

  /** Reads {@code input} (CSV, CSV.gz, Parquet, ticks) and writes {@code timestamp,symbol,prediction[,proba]} to {@code output}; returns the rows written. */
  public long predictFile(Path input, ReadOptions options, Path output) {
    LoadedData loaded = MarketData.load(input, options);
    List<SymbolPredictions> predictions = new ArrayList<>();
    for (Bars b : loaded.series()) predictions.add(predict(b, input.toString()));
    return PredictionCsv.write(predictions, output, loaded.source());
  }

  private SymbolPredictions predict(Bars raw, String file) {
    Featurized f = featurize(raw, file);
    Predictions p = model.model().predict(f.x());
    long[] time = Arrays.copyOfRange(f.frame().time(), f.first(), f.frame().rows());
    List<String> classes = p.probabilities() == null ? List.of() : classNames();
    return new SymbolPredictions(f.bars().symbol(), p.task(), time, p.values(), p.probabilities(), classes, heads(model.model(), f.x()));
  }

  /**
   * The class names of a multiclass model in class-id order: its recorded label's (down/flat/up
   * for direction3, stop/timeout/profit for triple_barrier3), or {@code 0..K-1} when the label is
   * not recorded or names another count; empty for a model without classes.
   */
  public List<String> classNames() {
    int k = schema().classes();
    if (k == 0) return List.of();
    FeatureRecipe recipe = model.card().recipe();
    if (recipe != null && recipe.label() != null && !recipe.label().isBlank()) {
      List<String> named = Labelers.classes(Labelers.parse(recipe.label()));
      if (named.size() == k) return named;
    }
    List<String> ids = new ArrayList<>(k);
    for (int c = 0; c < k; c++) ids.add(String.valueOf(c));
    return ids;
  }

  /**
   * The model's feature rows of every series in {@code input}, with targets from the label the model
   * was trained on (its recipe's label), series after series; rows whose label cannot be formed
   * (the last bars) are dropped. Held-out rows for scoring a registered model, e.g. by permutation
   * importance. A multi-output model's rows carry the auxiliary targets its heads learned ({@link
   * dev.quiver.model.MultiOutput#headLabels}), labelled with the main label's horizon. Fails naming
   * the fix when the model was registered without a recipe or label.
   */
  public TrainSet labelledRows(Path input, ReadOptions options) {
    LoadedData loaded = MarketData.load(input, options);
    String spec = model.card().recipe() == null ? null : model.card().recipe().label();
    if (spec == null || spec.isBlank()) {
      throw new BadInputException(Where.none(), model.version().id() + " was registered without its label, so its targets cannot be computed from bars",
          "register the model from quiver train, which records the label");
    }
    Labeler labeler = Labelers.parse(spec);
    Map<String, Labeler> auxLabelers = new LinkedHashMap<>();
    for (String a : auxiliarySpecs(model.model())) auxLabelers.put(a, dev.quiver.labels.AuxiliaryLabels.resolve(a, labeler.horizon()));
    Map<String, List<float[]>> auxParts = new LinkedHashMap<>();
    for (String a : auxLabelers.keySet()) auxParts.put(a, new ArrayList<>());
    List<String> names = model.model().inputSchema().features();
    int cols = names.size();
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    List<double[]> rs = new ArrayList<>();
    int total = 0;
    for (Bars raw : loaded.series()) {
      Featurized f = featurize(raw, input.toString());
      Targets t = labeler.label(f.bars());
      Map<String, double[]> auxY = new LinkedHashMap<>();
      for (Map.Entry<String, Labeler> a : auxLabelers.entrySet()) auxY.put(a.getKey(), a.getValue().label(f.bars()).y());
      int rows = f.x().rows();
      int kept = 0;
      for (int r = 0; r < rows; r++) if (!Double.isNaN(t.y()[f.first() + r])) kept++;
      float[] x = new float[kept * cols];
      float[] y = new float[kept];
      double[] fr = new double[kept];
      int k = 0;
      for (int r = 0; r < rows; r++) {
        int i = f.first() + r;
        if (Double.isNaN(t.y()[i])) continue;
        System.arraycopy(f.x().data(), r * cols, x, k * cols, cols);
        y[k] = (float) t.y()[i];
        fr[k++] = t.forwardReturn()[i];
      }
      for (Map.Entry<String, double[]> a : auxY.entrySet()) {
        float[] v = new float[kept];
        int m = 0;
        for (int r = 0; r < rows; r++) {
          int i = f.first() + r;
          if (!Double.isNaN(t.y()[i])) v[m++] = (float) a.getValue()[i];
        }
        auxParts.get(a.getKey()).add(v);
      }
      xs.add(x);
      ys.add(y);
      rs.add(fr);
      total += kept;
    }
    float[] x = new float[total * cols];
    float[] y = new float[total];
    double[] fr = new double[total];
    int at = 0;
    for (int s = 0; s < xs.size(); s++) {
      int n = ys.get(s).length;
      System.arraycopy(xs.get(s), 0, x, at * cols, n * cols);
      System.arraycopy(ys.get(s), 0, y, at, n);
      System.arraycopy(rs.get(s), 0, fr, at, n);
      at += n;
    }
    Map<String, float[]> aux = new LinkedHashMap<>();
    for (Map.Entry<String, List<float[]>> a : auxParts.entrySet()) {
      float[] v = new float[total];
      int p = 0;
      for (float[] part : a.getValue()) {
        System.arraycopy(part, 0, v, p, part.length);
        p += part.length;
      }
      aux.put(a.getKey(), v);
    }
    return new TrainSet(new Matrix(x, total, cols, names), y, schema().task(), fr, schema().classes(), aux);
  }

  /** The auxiliary label specs of a multi-output model's heads (behind its preprocessor, if any); empty for other models. */
  private static java.util.Collection<String> auxiliarySpecs(FittedModel m) {
    if (m instanceof dev.quiver.model.MultiOutput out) return out.headLabels().values();
    if (m instanceof dev.quiver.preprocess.PreprocessedModel p && p.inner() instanceof dev.quiver.model.MultiOutput out) return out.headLabels().values();
    return List.of();
  }

  /** The heads of a multi-output model (behind its preprocessor, if any) for the rows of {@code x}; empty for other models. */
  private static Map<String, double[]> heads(FittedModel m, Matrix x) {
    if (m instanceof dev.quiver.model.MultiOutput out) return out.heads(x);
    if (m instanceof dev.quiver.preprocess.PreprocessedModel p && p.inner() instanceof dev.quiver.model.MultiOutput out) {
      return out.heads(p.preprocessor().apply(x));
    }
    return Map.of();
  }

  /** One series' bars at the model's timeframe, its feature frame, the first complete row and the matrix of rows from it. */
  private record Featurized(Bars bars, FeatureFrame frame, int first, Matrix x) {}

  private Featurized featurize(Bars raw, String file) {
    FeatureRecipe recipe = model.card().recipe();
    if (recipe == null) {
      throw new BadInputException(Where.none(), model.version().id() + " was registered without a feature recipe, so its features cannot be computed from bars",
          "predict with ModelPredictor.predict(Matrix) on precomputed features, or register the model from quiver train");
    }
    Timeframe tf = Timeframe.parse(recipe.timeframe());
    Bars bars = ExperimentRunner.toTimeframe(raw, tf, file);
    FeatureSet set = FeatureSet.parse(recipe.features(), bars.extras().keySet());
    FeatureFrame frame = set.compute(bars);
    if (!recipe.higherTimeframes().isEmpty()) {
      Map<Timeframe, Bars> higher = new LinkedHashMap<>();
      for (String h : recipe.higherTimeframes()) {
        Timeframe t = Timeframe.parse(h);
        higher.put(t, Resampler.resample(bars, t, ResampleOptions.defaults()).bars());
      }
      frame = MultiTimeframe.join(bars, frame, higher, FeatureSet.parse(recipe.higherFeatureSpec(), bars.extras().keySet()));
    }
    List<String> expected = model.model().inputSchema().features();
    if (!frame.names().equals(expected)) throw schemaMismatch(expected, frame.names());
    int first = firstCompleteRow(frame, set.lookback());
    int rows = frame.rows() - first;
    int cols = expected.size();
    float[] x = new float[rows * cols];
    for (int j = 0; j < cols; j++) {
      double[] c = frame.columns().get(j);
      for (int r = 0; r < rows; r++) x[r * cols + j] = (float) c[first + r];
    }
    return new Featurized(bars, frame, first, new Matrix(x, rows, cols, expected));
  }

  /** The first row at or after the base set's lookback where every feature holds a value: training's first row. */
  private static int firstCompleteRow(FeatureFrame f, int lookback) {
    outer:
    for (int i = Math.max(0, lookback); i < f.rows(); i++) {
      for (double[] c : f.columns()) if (Double.isNaN(c[i])) continue outer;
      return i;
    }
    return f.rows();
  }

  private BadInputException schemaMismatch(List<String> expected, List<String> computed) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(computed);
    List<String> extra = new ArrayList<>(computed);
    extra.removeAll(expected);
    String what = !missing.isEmpty() || !extra.isEmpty() ? "missing " + missing + ", extra " + extra : "same columns in another order";
    return new BadInputException(Where.none(), "the features computed from the recipe of " + model.version().id() + " are not the ones it was trained on: " + what,
        "predict with the Quiver version that trained it (" + model.card().codeVersion() + "), or retrain");
  }

  @Override
  public void close() {
    model.close();
  }
}
