package dev.quiver.eval;

import java.util.List;

/**
 * Out-of-sample trading figures of one simulation: the {@link ReturnMetrics} of its portfolio
 * return series plus what only positions and trades tell.
 *
 * <ul>
 *   <li>{@code trades}: the number of {@link Trade}s (open ones included);
 *   <li>{@code turnover}: mean per-period portfolio turnover, the fraction of capital traded per
 *       bar one way (sum of |pos_i - pos_prev| / active symbols); times ppy for a yearly figure;
 *   <li>{@code exposure}: mean per-period gross exposure, mean |position| (1 = fully invested);
 *   <li>{@code timeInMarket}: share of rows with a non-zero position;
 *   <li>{@code tradeWinRate}: share of trades with a positive net return (NaN with no trades);
 *   <li>{@code meanBarsHeld}: mean number of rows a trade lasts (NaN with no trades);
 *   <li>{@code ic}, {@code rankIc}: {@link InformationCoefficient#pearson} and
 *       {@link InformationCoefficient#spearman} of the predictions against the forward returns
 *       given, pooled over all rows.
 * </ul>
 */
public record TradingMetrics(ReturnMetrics returns, long trades, double turnover, double exposure, double timeInMarket,
    double tradeWinRate, double meanBarsHeld, double ic, double rankIc) {

  /**
   * @param sim the simulation
   * @param predictions the predictions it was run on, one per row
   * @param forwardReturns per row, the returns to score the predictions against (usually the
   *     next-bar returns the simulation used, or the label's forward returns)
   * @param periodsPerYear for the portfolio series, e.g. {@link PeriodsPerYear#estimate(long[])} of {@code sim.time()}
   */
  public static TradingMetrics of(SimulatedTrading sim, double[] predictions, double[] forwardReturns, double periodsPerYear) {
    if (predictions.length != sim.rows()) throw new IllegalArgumentException(predictions.length + " predictions for " + sim.rows() + " simulated rows");
    ReturnMetrics r = ReturnMetrics.of(sim.returns(), periodsPerYear);
    double[] position = sim.position();
    long inMarket = 0;
    for (double p : position) inMarket += p != 0 ? 1 : 0;
    List<Trade> trades = sim.trades();
    long wins = 0;
    long bars = 0;
    for (Trade t : trades) {
      wins += t.netReturn() > 0 ? 1 : 0;
      bars += t.bars();
    }
    int k = trades.size();
    return new TradingMetrics(r, k, mean(sim.portfolioTurnover()), mean(sim.exposure()),
        position.length == 0 ? Double.NaN : (double) inMarket / position.length,
        k == 0 ? Double.NaN : (double) wins / k, k == 0 ? Double.NaN : (double) bars / k,
        InformationCoefficient.pearson(predictions, forwardReturns), InformationCoefficient.spearman(predictions, forwardReturns));
  }

  private static double mean(double[] v) {
    if (v.length == 0) return Double.NaN;
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }
}
