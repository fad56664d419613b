package dev.quiver.model.importance;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.MulticlassMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Permutation importance of any fitted model on held-out rows (Breiman 2001): the drop in the
 * model's score when one feature's column is shuffled, breaking its link to the target while
 * keeping its distribution. The score is AUC for {@link Task#BINARY} models, the macro one-vs-rest
 * AUC of the class probabilities for {@link Task#MULTICLASS} ones ({@link
 * dev.quiver.eval.MulticlassMetrics}) and R2 for {@link Task#REGRESSION}; {@code meanDrop[j] = baseline - mean over repeats of the shuffled score}
 * (positive: the model needs the feature; about 0: it does not; negative: noise), {@code stdDrop[j]}
 * its population std (ddof 0) over the repeats. Shuffles are seeded: the same model, rows, repeats
 * and seed give the same result. The caller's matrix is not modified.
 */
public record PermutationImportance(String metric, double baseline, List<String> features, double[] meanDrop, double[] stdDrop, int repeats,
    long seed) {

  public PermutationImportance {
    features = List.copyOf(features);
    meanDrop = meanDrop.clone();
    stdDrop = stdDrop.clone();
  }

  /**
   * Scores {@code model} on rows {@code x} with targets {@code y}, then each column shuffled
   * {@code repeats} times. Features are shuffled one after another in column order from one seeded
   * stream.
   */
  public static PermutationImportance compute(FittedModel model, Matrix x, float[] y, int repeats, long seed) {
    if (repeats < 1) throw new BadInputException(Where.none(), "permutation importance needs at least 1 repeat, got " + repeats, "use --repeats 5");
    if (y.length != x.rows()) throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
    if (x.rows() < 2) throw new BadInputException(Where.none(), "permutation importance needs at least 2 held-out rows, got " + x.rows(), "use more rows");
    Task task = model.inputSchema().task();
    int rows = x.rows();
    int cols = x.cols();
    float[] work = x.contiguous().clone();
    Matrix shuffled = new Matrix(work, rows, cols, x.names());
    double baseline = score(task, y, model.predict(shuffled));
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] column = new float[rows];
    double[] mean = new double[cols];
    double[] std = new double[cols];
    double[] drops = new double[repeats];
    for (int j = 0; j < cols; j++) {
      for (int r = 0; r < rows; r++) column[r] = work[r * cols + j];
      for (int k = 0; k < repeats; k++) {
        for (int r = rows - 1; r > 0; r--) {
          int s = rnd.nextInt(r + 1);
          float t = work[r * cols + j];
          work[r * cols + j] = work[s * cols + j];
          work[s * cols + j] = t;
        }
        drops[k] = baseline - score(task, y, model.predict(shuffled));
      }
      for (int r = 0; r < rows; r++) work[r * cols + j] = column[r];
      double m = 0;
      for (double d : drops) m += d;
      m /= repeats;
      double ss = 0;
      for (double d : drops) ss += (d - m) * (d - m);
      mean[j] = m;
      std[j] = Math.sqrt(ss / repeats);
    }
    return new PermutationImportance(task == Task.REGRESSION ? "r2" : "auc", baseline, x.names(), mean, std, repeats, seed);
  }

  private static double score(Task task, float[] y, Predictions p) {
    return switch (task) {
      case BINARY -> ClassificationMetrics.of(y, p.values()).auc();
      case MULTICLASS -> MulticlassMetrics.of(y, p.probabilities(), p.classes()).macroAuc();
      case REGRESSION -> RegressionMetrics.of(y, p.values()).r2();
    };
  }

  @Override
  public double[] meanDrop() {
    return meanDrop.clone();
  }

  @Override
  public double[] stdDrop() {
    return stdDrop.clone();
  }

  /** The mean drops as a {@link FeatureImportance} of kind {@code permutation_<metric>}. */
  public FeatureImportance asFeatureImportance() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < features.size(); j++) values.put(features.get(j), meanDrop[j]);
    return new FeatureImportance("permutation_" + metric, values);
  }
}
