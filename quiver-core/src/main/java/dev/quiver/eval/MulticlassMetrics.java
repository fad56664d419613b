package dev.quiver.eval;

/**
 * Scores of multiclass predictions: class probabilities {@code p} (row-major, {@code n x K}, row
 * r's class k at {@code r * K + k}) against class ids {@code y} in 0..K-1.
 *
 * <ul>
 *   <li>{@code accuracy}: share of rows whose predicted class, the most probable one (the lowest
 *       id on a tie), is the label.
 *   <li>{@code macroF1}: the unweighted mean of the per-class F1 (class k against the rest) over
 *       the classes present in the labels or the predicted classes, each F1 0 when undefined
 *       (scikit-learn's {@code f1_score(average="macro", zero_division=0)}).
 *   <li>{@code logLoss}: mean of {@code -ln p[y]}, natural log, with {@code p[y]} clipped to
 *       {@code [1e-15, 1 - 1e-15]}.
 *   <li>{@code macroAuc}: macro one-vs-rest AUC, the unweighted mean over classes of the AUC of
 *       {@code p[k]} for "class k" against "any other class" ({@link ClassificationMetrics}'
 *       Mann-Whitney AUC, ties one half), over the classes both present and absent in some row
 *       (scikit-learn's {@code roc_auc_score(multi_class="ovr", average="macro")} when every
 *       class is present); NaN when no class qualifies.
 * </ul>
 *
 * All fields are NaN (and n 0) for no rows.
 */
public record MulticlassMetrics(double accuracy, double macroF1, double logLoss, double macroAuc, long n) {

  private static final double EPS = 1e-15;

  /**
   * @throws IllegalArgumentException when the shapes differ, a label is not a class id 0..K-1,
   *     or a probability is NaN
   */
  public static MulticlassMetrics of(float[] y, double[] p, int classes) {
    int n = y.length;
    if (classes < 2) throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    if (p.length != (long) n * classes) throw new IllegalArgumentException(p.length + " probabilities for " + n + " rows of " + classes + " classes");
    if (n == 0) return new MulticlassMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    long[] truePos = new long[classes];
    long[] actual = new long[classes];
    long[] predicted = new long[classes];
    long correct = 0;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      float label = y[r];
      if (!(label >= 0 && label < classes) || label != Math.rint(label)) {
        throw new IllegalArgumentException("label at row " + r + " is " + label + ", not a class id 0.." + (classes - 1));
      }
      int k = (int) label;
      int base = r * classes;
      int best = 0;
      for (int c = 0; c < classes; c++) {
        double v = p[base + c];
        if (Double.isNaN(v)) throw new IllegalArgumentException("probability of class " + c + " at row " + r + " is NaN");
        if (v > p[base + best]) best = c;
      }
      actual[k]++;
      predicted[best]++;
      if (best == k) {
        correct++;
        truePos[k]++;
      }
      loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, p[base + k])));
    }
    double f1Sum = 0;
    int f1Classes = 0;
    double aucSum = 0;
    int aucClasses = 0;
    for (int c = 0; c < classes; c++) {
      if (actual[c] > 0 || predicted[c] > 0) {
        double precision = predicted[c] == 0 ? 0 : (double) truePos[c] / predicted[c];
        double recall = actual[c] == 0 ? 0 : (double) truePos[c] / actual[c];
        f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        f1Classes++;
      }
      if (actual[c] > 0 && actual[c] < n) {
        float[] isClass = new float[n];
        double[] pc = new double[n];
        for (int r = 0; r < n; r++) {
          isClass[r] = y[r] == c ? 1f : 0f;
          pc[r] = p[r * classes + c];
        }
        aucSum += ClassificationMetrics.of(isClass, pc).auc();
        aucClasses++;
      }
    }
    return new MulticlassMetrics((double) correct / n, f1Sum / f1Classes, loss / n, aucClasses == 0 ? Double.NaN : aucSum / aucClasses, n);
  }
}
