package dev.quiver.eval;

import java.util.Arrays;

/**
 * Scores of binary predictions {@code p} = P(class 1) against labels {@code y} in {0, 1}.
 *
 * <ul>
 *   <li>{@code auc}: area under the ROC curve as the Mann-Whitney statistic, P(p of a random
 *       positive > p of a random negative) with ties counted one half (the rank statistic with
 *       tied ranks averaged); exact (integer counts), O(n log n). NaN when either class is
 *       absent.
 *   <li>{@code accuracy}, {@code precision}, {@code recall}, {@code f1}: with the predicted class
 *       1 when {@code p >= threshold}. Precision, recall and F1 are of class 1; each is 0 when
 *       undefined (no predicted positives, no actual positives, precision + recall = 0), as
 *       scikit-learn's {@code zero_division=0}.
 *   <li>{@code logLoss}: mean of {@code -(y ln p + (1 - y) ln(1 - p))}, natural log, with p
 *       clipped to {@code [1e-15, 1 - 1e-15]}.
 *   <li>{@code brier}: mean of {@code (p - y)^2}, p unclipped (scikit-learn's
 *       {@code brier_score_loss}); 0 is perfect, 0.25 is a constant 0.5.
 * </ul>
 *
 * All fields are NaN (and n 0) for no rows.
 */
public record ClassificationMetrics(double auc, double accuracy, double precision, double recall, double f1, double logLoss, double brier, long n) {

  public static final double DEFAULT_THRESHOLD = 0.5;
  private static final double EPS = 1e-15;

  /** With the 0.5 threshold. */
  public static ClassificationMetrics of(float[] y, double[] p) {
    return of(y, p, DEFAULT_THRESHOLD);
  }

  /**
   * @throws IllegalArgumentException when lengths differ, a label is not 0 or 1, or a p is NaN
   */
  public static ClassificationMetrics of(float[] y, double[] p, double threshold) {
    int n = y.length;
    if (p.length != n) throw new IllegalArgumentException(p.length + " predictions for " + n + " labels");
    if (n == 0) return new ClassificationMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    long tp = 0, fp = 0, tn = 0, fn = 0;
    double loss = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      float label = y[i];
      double pi = p[i];
      if (label != 0f && label != 1f) throw new IllegalArgumentException("label at row " + i + " is " + label + ", not 0 or 1");
      if (Double.isNaN(pi)) throw new IllegalArgumentException("prediction at row " + i + " is NaN");
      boolean predicted = pi >= threshold;
      if (label == 1f) {
        if (predicted) tp++;
        else fn++;
      } else if (predicted) fp++;
      else tn++;
      double c = Math.min(1 - EPS, Math.max(EPS, pi));
      loss -= label == 1f ? Math.log(c) : Math.log(1 - c);
      squares += (pi - label) * (pi - label);
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassificationMetrics(auc(y, p, tp + fn), (double) (tp + tn) / n, precision, recall, f1, loss / n, squares / n, n);
  }

  /** Mann-Whitney: twice U counted in integers (2 per positive above a negative, 1 per tie) over 2 * pos * neg. */
  private static double auc(float[] y, double[] p, long positives) {
    int n = y.length;
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) return Double.NaN;
    double[] pos = new double[(int) positives];
    double[] neg = new double[(int) negatives];
    int a = 0, b = 0;
    for (int i = 0; i < n; i++) {
      if (y[i] == 1f) pos[a++] = p[i];
      else neg[b++] = p[i];
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    long twiceU = 0;
    int below = 0;
    int upTo = 0;
    for (double s : pos) {
      while (below < neg.length && neg[below] < s) below++;
      if (upTo < below) upTo = below;
      while (upTo < neg.length && neg[upTo] == s) upTo++;
      twiceU += 2L * below + (upTo - below);
    }
    return twiceU / (2.0 * positives * negatives);
  }
}
