package dev.quiver.forecast;

import dev.quiver.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses an ARIMA order by minimum AIC, like R's {@code auto.arima} without seasonality:
 * {@code d} is the number of differences after which KPSS (5%, Schwert lags) no longer rejects
 * level stationarity, up to {@code maxD} (or the fixed {@code d}); then (p, q) by the
 * Hyndman-Khandakar stepwise search — fit (2,d,2), (0,d,0), (1,d,0), (0,d,1), then repeatedly
 * the neighbours of the best order (p or q or both changed by one) until none improves the AIC —
 * or by trying every (p, q) with {@code fullGrid}. A constant (the mean) is fitted when d = 0
 * only, as everywhere in {@link Arima}. Orders that cannot be fitted are recorded with an AIC of
 * NaN and skipped. Stateless and thread-safe.
 */
public final class AutoArima {

  /** One order tried and its AIC (NaN when it could not be fitted). */
  public record Candidate(ArimaOrder order, double aic) {}

  /** The chosen model, the KPSS statistics of the series differenced 0, 1, .. times, and every order tried in order. */
  public record Result(ArimaModel best, List<Double> kpss, List<Candidate> tried) {
    public Result {
      kpss = List.copyOf(kpss);
      tried = List.copyOf(tried);
    }
  }

  private AutoArima() {}

  public static Result fit(double[] y, AutoArimaOptions options) {
    int n = y.length;
    List<Double> kpss = new ArrayList<>();
    int d;
    if (options.fixedD() >= 0) {
      d = options.fixedD();
    } else {
      d = 0;
      while (true) {
        double[] w = Arima.difference(y, n, d);
        if (w.length < 3) break;
        double stat = Kpss.statistic(w, w.length, Kpss.lags(w.length));
        kpss.add(stat);
        if (stat <= Kpss.CRITICAL_5_PERCENT || d >= options.maxD()) break;
        d++;
      }
    }
    Map<ArimaOrder, ArimaModel> fitted = new LinkedHashMap<>();
    List<Candidate> tried = new ArrayList<>();
    ArimaModel best = null;
    if (options.fullGrid()) {
      for (int p = 0; p <= options.maxP(); p++) {
        for (int q = 0; q <= options.maxQ(); q++) best = better(best, tryOrder(y, new ArimaOrder(p, d, q), fitted, tried));
      }
    } else {
      int[][] starts = {{2, 2}, {0, 0}, {1, 0}, {0, 1}};
      for (int[] s : starts) {
        best = better(best, tryOrder(y, new ArimaOrder(Math.min(s[0], options.maxP()), d, Math.min(s[1], options.maxQ())), fitted, tried));
      }
      int[][] moves = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
      boolean improved = best != null;
      while (improved) {
        improved = false;
        ArimaOrder centre = best.order();
        for (int[] mv : moves) {
          int p = centre.p() + mv[0];
          int q = centre.q() + mv[1];
          if (p < 0 || q < 0 || p > options.maxP() || q > options.maxQ()) continue;
          ArimaModel m = tryOrder(y, new ArimaOrder(p, d, q), fitted, tried);
          if (m != null && m.aic() < best.aic()) {
            best = m;
            improved = true;
            break;
          }
        }
      }
    }
    if (best == null) throw new BadInputException("no ARIMA order with d=" + d + " could be fitted to the " + n + " observations");
    return new Result(best, kpss, tried);
  }

  private static ArimaModel better(ArimaModel a, ArimaModel b) {
    if (a == null) return b;
    if (b == null) return a;
    return b.aic() < a.aic() ? b : a;
  }

  private static ArimaModel tryOrder(double[] y, ArimaOrder order, Map<ArimaOrder, ArimaModel> fitted, List<Candidate> tried) {
    if (fitted.containsKey(order)) return fitted.get(order);
    ArimaModel m;
    try {
      m = Arima.fit(y, order);
      if (!Double.isFinite(m.aic())) m = null;
    } catch (BadInputException e) {
      m = null;
    }
    fitted.put(order, m);
    tried.add(new Candidate(order, m == null ? Double.NaN : m.aic()));
    return m;
  }

}
