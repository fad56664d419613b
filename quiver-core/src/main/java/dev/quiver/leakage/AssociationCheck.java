package dev.quiver.leakage;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.InformationCoefficient;
import dev.quiver.model.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags features whose association with the label is too strong to be honest. For each feature,
 * the rows are cut into {@code blocks} chronological blocks; in each block the Spearman rank IC of
 * the feature against the label's forward return ({@link Dataset#forwardReturn()}, the return the
 * label reads) is computed on the rows where both are finite; the feature is a suspect when the
 * median |rank IC| over the blocks is at least {@code limit}. A causal market feature's rank IC
 * with a future return is small (|IC| of a few hundredths on minute bars, rarely above 0.1); a
 * column that is the future return itself, or a label in disguise, sits near 1. Stateless.
 */
public final class AssociationCheck {

  /** The default limit on the median |rank IC|. */
  public static final double DEFAULT_LIMIT = 0.3;

  /** The default number of chronological blocks. */
  public static final int DEFAULT_BLOCKS = 5;

  private AssociationCheck() {}

  public static List<LeakageReport.Suspect> suspects(Dataset data, double limit, int blocks) {
    if (!(limit > 0 && limit <= 1)) throw new IllegalArgumentException("the rank IC limit must be in (0, 1], got " + limit);
    if (blocks < 1) throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
    Matrix x = data.x();
    int n = data.rows();
    int k = Math.max(1, Math.min(blocks, n / 50));
    double[] target = data.forwardReturn();
    List<LeakageReport.Suspect> out = new ArrayList<>();
    double[] feature = new double[n];
    double[] ic = new double[k];
    for (int c = 0; c < x.cols(); c++) {
      for (int i = 0; i < n; i++) feature[i] = x.get(i, c);
      int used = 0;
      for (int b = 0; b < k; b++) {
        int from = (int) ((long) n * b / k);
        int to = (int) ((long) n * (b + 1) / k);
        double v = blockIc(feature, target, from, to);
        if (!Double.isNaN(v)) ic[used++] = Math.abs(v);
      }
      if (used == 0) continue;
      double[] sorted = Arrays.copyOf(ic, used);
      Arrays.sort(sorted);
      double median = used % 2 == 1 ? sorted[used / 2] : (sorted[used / 2 - 1] + sorted[used / 2]) / 2;
      if (median >= limit) out.add(new LeakageReport.Suspect(x.names().get(c), median, used, limit));
    }
    return out;
  }

  private static double blockIc(double[] feature, double[] target, int from, int to) {
    int m = 0;
    for (int i = from; i < to; i++) if (Double.isFinite(feature[i]) && Double.isFinite(target[i])) m++;
    if (m < 3) return Double.NaN;
    double[] a = new double[m];
    double[] b = new double[m];
    int p = 0;
    for (int i = from; i < to; i++) {
      if (Double.isFinite(feature[i]) && Double.isFinite(target[i])) {
        a[p] = feature[i];
        b[p++] = target[i];
      }
    }
    return InformationCoefficient.spearman(a, b);
  }
}
