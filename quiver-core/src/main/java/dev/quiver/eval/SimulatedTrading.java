package dev.quiver.eval;

import java.util.List;

/**
 * What {@link TradingSimulator} produced. Per row (the input's order): {@code position} held over
 * the next bar, {@code turnover} |pos_i - pos_prev| against the same symbol's previous row (0 before
 * its first row), {@code rowReturn} = pos_i * nextReturn_i - turnover_i * cost per unit turnover.
 * Per distinct timestamp, ascending (the portfolio): {@code time}, {@code returns} the
 * equal-weight mean of the row returns of the symbols with a row at that time,
 * {@code portfolioTurnover} and {@code exposure} the same means of turnover and |position|.
 * {@code trades} are ordered by entry row.
 *
 * <p>The arrays are not copied: treat the result as immutable.
 */
public record SimulatedTrading(double[] position, double[] turnover, double[] rowReturn, long[] time, double[] returns,
    double[] portfolioTurnover, double[] exposure, List<Trade> trades) {

  public SimulatedTrading {
    trades = List.copyOf(trades);
  }

  /** Rows simulated. */
  public int rows() {
    return position.length;
  }
}
