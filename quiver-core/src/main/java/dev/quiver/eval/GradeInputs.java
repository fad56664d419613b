package dev.quiver.eval;

/**
 * The out-of-sample figures a {@link GradeRubric} reads. {@code deflatedSharpe} is a probability
 * in [0, 1] ({@link SharpeInference#deflatedSharpe}); {@code sharpe} is annualised;
 * {@code maxDrawdown} is 0 or negative; {@code hitRate} in [0, 1]; {@code foldSharpeStd} the
 * std (ddof=1) of the per-fold annualised Sharpe ratios, NaN when there was one fold;
 * {@code trades} and {@code samples} count the test trades and test return periods.
 */
public record GradeInputs(double deflatedSharpe, double sharpe, double maxDrawdown, double hitRate, double foldSharpeStd,
    long trades, long samples) {

  /** From pooled out-of-sample trading metrics, the deflated Sharpe and the fold stability computed for them. */
  public static GradeInputs of(TradingMetrics m, double deflatedSharpe, double foldSharpeStd) {
    ReturnMetrics r = m.returns();
    return new GradeInputs(deflatedSharpe, r.sharpe(), r.maxDrawdown(), r.hitRate(), foldSharpeStd, m.trades(), r.n());
  }
}
