package dev.quiver.experiment;

import dev.quiver.eval.GradeResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's walk through every fold. {@code metrics} are pooled over all folds' test rows
 * (the names of {@link FoldResult}, plus {@code sortino}, {@code annual_return} and
 * {@code calmar}): ML metrics of the concatenated out-of-sample predictions, trading metrics of
 * the concatenated per-fold portfolio return series ({@code returns}, at {@code time}, in fold
 * order; with CPCV a bar appears once per split that tested it), {@code trades} summed over folds.
 * {@code deflatedSharpe} is the probability that the pooled Sharpe beats the best of the
 * configurations tried by luck ({@link dev.quiver.eval.SharpeInference#deflatedSharpe});
 * {@code foldSharpeStd} the std (ddof=1) of the per-fold annualised Sharpe ratios. {@code status}
 * is "ok", or "failed" with {@code error} when a fold's fit failed (then no grade: null).
 * The arrays are not copied: treat the record as immutable.
 */
public record ModelBacktest(String model, String family, String variant, String status, String error, List<FoldResult> folds,
    Map<String, Double> metrics, double deflatedSharpe, double foldSharpeStd, GradeResult grade, long[] time, double[] returns) {

  public ModelBacktest {
    folds = List.copyOf(folds);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public double metric(String name) {
    Double v = metrics.get(name);
    return v == null ? Double.NaN : v;
  }

  public boolean ok() {
    return status.equals("ok");
  }
}
