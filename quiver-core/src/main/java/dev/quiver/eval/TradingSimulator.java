package dev.quiver.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns predictions into positions, per-bar strategy returns after costs, a portfolio return
 * series and reconstructed trades. Stateless and thread-safe.
 *
 * <h2>The one-bar lag</h2>
 * Row i is a bar of one symbol. Its prediction uses what was known at that bar's close, so the
 * position decided from it is held over the <em>next</em> bar of the same symbol and earns that
 * bar's return, never its own. The caller passes that return: {@code nextReturn[i] =
 * close[next]/close[i] - 1}, the simple return from row i's bar close to the close of the same
 * symbol's next bar. That is {@link dev.quiver.dataset.Dataset#forwardReturn()} for a label whose
 * horizon is one bar ({@code direction}, {@code return:1}); for any other label use
 * {@link NextBarReturns#of}. The strategy return of row i is
 * {@code pos_i * nextReturn[i] - |pos_i - pos_prev| * c}, with pos_prev the position of the same
 * symbol's previous row (0 before its first row) and c = {@link Costs#perUnitTurnover()}. The
 * position still held after a symbol's last row is not closed: no exit cost is charged for it.
 *
 * <h2>Several symbols</h2>
 * Rows may interleave symbols as a {@link dev.quiver.dataset.Dataset} does (merged in time order,
 * {@code symbolIndex[i]} naming the symbol). Each symbol is simulated on its own rows only, so a
 * position and its turnover never carry across symbols. The portfolio return at a timestamp is
 * the equal-weight mean of the row returns of the symbols that have a row at that timestamp: the
 * capital is split equally among the symbols active at that time and rebalanced every bar.
 * Times must not decrease from row to row and must strictly increase within each symbol.
 */
public final class TradingSimulator {

  private TradingSimulator() {}

  /** One symbol: rows are consecutive bars, the portfolio timestamps are the row indices 0..n-1. */
  public static SimulatedTrading simulate(double[] predictions, double[] nextReturns, PositionRule rule, Costs costs) {
    int n = predictions.length;
    long[] time = new long[n];
    for (int i = 0; i < n; i++) time[i] = i;
    return simulate(predictions, nextReturns, new int[n], time, rule, costs);
  }

  /**
   * @param predictions one per row (probability of up, or a return forecast, as the rule expects); no NaN
   * @param nextReturns per row, the return of the same symbol's next bar (see the class comment); finite
   * @param symbolIndex per row, the symbol (0-based)
   * @param time per row, epoch ms (or any increasing clock): non-decreasing, strictly increasing per symbol
   * @throws IllegalArgumentException naming the first bad row: lengths differ, NaN prediction,
   *     non-finite return, negative symbol, or times out of order
   */
  public static SimulatedTrading simulate(double[] predictions, double[] nextReturns, int[] symbolIndex, long[] time,
      PositionRule rule, Costs costs) {
    int n = predictions.length;
    if (nextReturns.length != n || symbolIndex.length != n || time.length != n) {
      throw new IllegalArgumentException("rows differ: " + n + " predictions, " + nextReturns.length + " next returns, "
          + symbolIndex.length + " symbol indices, " + time.length + " times");
    }
    int symbols = 0;
    for (int i = 0; i < n; i++) {
      if (symbolIndex[i] < 0) throw new IllegalArgumentException("row " + i + " has symbol index " + symbolIndex[i]);
      symbols = Math.max(symbols, symbolIndex[i] + 1);
    }
    double c = costs.perUnitTurnover();
    double[] position = new double[n];
    double[] turnover = new double[n];
    double[] rowReturn = new double[n];
    long[] times = new long[n];
    double[] returns = new double[n];
    double[] portfolioTurnover = new double[n];
    double[] exposure = new double[n];

    double[] lastPos = new double[symbols];
    long[] lastTime = new long[symbols];
    Arrays.fill(lastTime, Long.MIN_VALUE);
    int[] lastRow = new int[symbols];
    int[] runStart = new int[symbols];
    int[] runBars = new int[symbols];
    double[] runWealth = new double[symbols];
    List<Trade> trades = new ArrayList<>();

    int periods = 0;
    int groupSize = 0;
    double groupReturn = 0;
    double groupTurnover = 0;
    double groupExposure = 0;
    for (int i = 0; i < n; i++) {
      int s = symbolIndex[i];
      long t = time[i];
      double p = predictions[i];
      double r = nextReturns[i];
      if (Double.isNaN(p)) throw new IllegalArgumentException("prediction at row " + i + " is NaN");
      if (!Double.isFinite(r)) throw new IllegalArgumentException("next-bar return at row " + i + " is " + r);
      if (i > 0 && t < time[i - 1]) throw new IllegalArgumentException("time goes back at row " + i + ": " + t + " after " + time[i - 1]);
      if (t <= lastTime[s]) throw new IllegalArgumentException("symbol " + s + " has a second row at time " + t + " (row " + i + ")");

      double pos = rule.position(p);
      double prev = lastPos[s];
      double to = Math.abs(pos - prev);
      double net = pos * r - to * c + 0.0; // + 0.0: flat through a falling bar is 0, not -0
      position[i] = pos;
      turnover[i] = to;
      rowReturn[i] = net;

      double prevSign = Math.signum(prev);
      double sign = Math.signum(pos);
      if (prevSign != 0 && sign != prevSign) {
        trades.add(new Trade(s, runStart[s], lastRow[s], (int) prevSign, runWealth[s] * (1 - Math.abs(prev) * c) - 1, runBars[s], false));
      }
      if (sign != 0) {
        double own;
        if (sign != prevSign) {
          runStart[s] = i;
          runBars[s] = 0;
          runWealth[s] = 1;
          own = Math.abs(pos) * c;
        } else {
          own = to * c;
        }
        runWealth[s] *= 1 + pos * r - own;
        runBars[s]++;
      }
      lastPos[s] = pos;
      lastTime[s] = t;
      lastRow[s] = i;

      if (groupSize > 0 && t != times[periods]) {
        returns[periods] = groupReturn / groupSize;
        portfolioTurnover[periods] = groupTurnover / groupSize;
        exposure[periods] = groupExposure / groupSize;
        periods++;
        groupSize = 0;
        groupReturn = 0;
        groupTurnover = 0;
        groupExposure = 0;
      }
      times[periods] = t;
      groupSize++;
      groupReturn += net;
      groupTurnover += to;
      groupExposure += Math.abs(pos);
    }
    if (groupSize > 0) {
      returns[periods] = groupReturn / groupSize;
      portfolioTurnover[periods] = groupTurnover / groupSize;
      exposure[periods] = groupExposure / groupSize;
      periods++;
    }
    for (int s = 0; s < symbols; s++) {
      if (lastPos[s] != 0) trades.add(new Trade(s, runStart[s], lastRow[s], (int) Math.signum(lastPos[s]), runWealth[s] - 1, runBars[s], true));
    }
    trades.sort(Comparator.comparingInt(Trade::entryRow));
    return new SimulatedTrading(position, turnover, rowReturn, Arrays.copyOf(times, periods), Arrays.copyOf(returns, periods),
        Arrays.copyOf(portfolioTurnover, periods), Arrays.copyOf(exposure, periods), trades);
  }
}
