package dev.quiver.cli;

import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.ModelBacktest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's ensemble section: each combiner against the best single member (by pooled
 * out-of-sample Sharpe) and against equal-weights voting ({@code voting:equal}, which {@code
 * backtest --ensemble} adds when it is not asked for), all from the same walk-forward folds. A
 * model is a combiner when its family is one of {@link EnsembleSpecs#COMBINERS}; the others are
 * members. Deflated Sharpe ratios are the backtest's, over every model and configuration tried.
 */
final class EnsembleComparison {

  static final String EQUAL_WEIGHTS = "voting:equal";

  private EnsembleComparison() {}

  static boolean applies(BacktestResult r) {
    return !combiners(r).isEmpty() && best(r) != null;
  }

  /** One entry per combiner: its Sharpe and deflated Sharpe, the best member's and equal weights'. */
  static List<Map<String, Object>> json(BacktestResult r) {
    ModelBacktest best = best(r);
    ModelBacktest equal = equalWeights(r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelBacktest e : combiners(r)) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ensemble", e.model());
      o.put("family", e.family());
      o.put("sharpe", JsonOut.number(e.ok() ? e.metric("sharpe") : Double.NaN));
      o.put("deflated_sharpe", JsonOut.number(e.ok() ? e.deflatedSharpe() : Double.NaN));
      o.put("best_member", best.model());
      o.put("best_member_sharpe", JsonOut.number(best.metric("sharpe")));
      o.put("best_member_deflated_sharpe", JsonOut.number(best.deflatedSharpe()));
      o.put("equal_weights_sharpe", JsonOut.number(equal == null ? Double.NaN : equal.metric("sharpe")));
      o.put("equal_weights_deflated_sharpe", JsonOut.number(equal == null ? Double.NaN : equal.deflatedSharpe()));
      o.put("sharpe_over_best_member", JsonOut.number(e.ok() ? e.metric("sharpe") - best.metric("sharpe") : Double.NaN));
      out.add(o);
    }
    return out;
  }

  static void text(BacktestResult r, PrintWriter out) {
    ModelBacktest best = best(r);
    ModelBacktest equal = equalWeights(r);
    out.println();
    out.printf(Locale.ROOT, "ensembles out of sample: best single member %s (Sharpe %s), equal weights %s; deflated over %d configurations%n",
        best.model(), fmt(best.metric("sharpe")), equal == null ? "-" : "Sharpe " + fmt(equal.metric("sharpe")), r.configurationsTried());
    Table t = new Table(List.of("ensemble", "sharpe", "deflated_sharpe", "best member sharpe", "equal weights sharpe", "over best member"));
    for (ModelBacktest e : combiners(r)) {
      double s = e.ok() ? e.metric("sharpe") : Double.NaN;
      t.row(List.of(e.model(), fmt(s), fmt(e.ok() ? e.deflatedSharpe() : Double.NaN), fmt(best.metric("sharpe")),
          equal == null ? "-" : fmt(equal.metric("sharpe")), fmt(s - best.metric("sharpe"))));
    }
    t.print(out);
    out.flush();
  }

  private static List<ModelBacktest> combiners(BacktestResult r) {
    List<ModelBacktest> out = new ArrayList<>();
    for (ModelBacktest m : r.models()) if (EnsembleSpecs.COMBINERS.contains(m.family())) out.add(m);
    return out;
  }

  private static ModelBacktest best(BacktestResult r) {
    ModelBacktest best = null;
    for (ModelBacktest m : r.models()) {
      if (!m.ok() || EnsembleSpecs.COMBINERS.contains(m.family())) continue;
      if (best == null || m.metric("sharpe") > best.metric("sharpe")) best = m;
    }
    return best;
  }

  private static ModelBacktest equalWeights(BacktestResult r) {
    for (ModelBacktest m : r.models()) if (m.model().equals(EQUAL_WEIGHTS) && m.ok()) return m;
    return null;
  }

  private static String fmt(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
  }
}
