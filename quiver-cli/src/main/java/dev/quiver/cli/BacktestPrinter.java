package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.dataset.Dataset;
import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.FoldResult;
import dev.quiver.experiment.ModelBacktest;
import dev.quiver.leakage.LeakageReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a backtest: per model a table of folds and the pooled row, the grade with its deciding
 * rule, then a summary of every model; or one JSON object with {@code models}, each with
 * {@code model, grade, sharpe, deflated_sharpe, max_drawdown, hit_rate, auc} and {@code folds}.
 */
final class BacktestPrinter {

  private static final List<String> CLASSIFICATION = List.of("auc", "accuracy", "brier", "log_loss");
  private static final List<String> REGRESSION = List.of("rmse", "ic", "rank_ic", "auc");
  private static final List<String> MULTICLASS = List.of("auc", "accuracy", "macro_f1", "log_loss", "rank_ic");
  private static final List<String> TRADING = List.of("sharpe", "max_drawdown", "hit_rate", "total_return", "trades");

  private BacktestPrinter() {}

  static void print(ExperimentConfig c, Dataset data, BacktestResult r, LeakageReport leakage, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      Map<String, Object> root = json(c, data, r);
      if (leakage != null) root.put("leakage_check", LeakagePrinter.json(leakage));
      if (EnsembleComparison.applies(r)) root.put("ensemble_comparison", EnsembleComparison.json(r));
      JsonOut.print(out, root);
      return;
    }
    List<String> ml = new ArrayList<>(r.task().equals("binary") ? CLASSIFICATION : r.task().equals("multiclass") ? MULTICLASS : REGRESSION);
    if (r.models().stream().anyMatch(m -> m.metrics().containsKey(ExperimentRunner.EXPENSIVE_SHARE))) ml.add(ExperimentRunner.EXPENSIVE_SHARE);
    out.printf(Locale.ROOT, "backtest: %s, %s bars, label %s (%s), %,d rows x %d features%n", String.join(", ", data.symbols()), c.timeframe(),
        c.label(), r.task(), r.rows(), r.features().size());
    out.printf(Locale.ROOT, "split: %s, %d fold%s; training rows purged and embargoed from the labels' ends%n", r.splitter(), r.folds(), r.folds() == 1 ? "" : "s");
    out.printf(Locale.ROOT, "positions: %s; costs: %s; %s periods a year; deflated Sharpe over %d configuration%s tried%n", r.rule(), r.costs(),
        String.format(Locale.ROOT, "%,.0f", r.periodsPerYear()), r.configurationsTried(), r.configurationsTried() == 1 ? "" : "s");
    if (c.preprocess() != null) out.println("preprocess: " + c.preprocess() + ", fitted per fold on that fold's training rows only");
    if (leakage != null) {
      out.printf(Locale.ROOT, "leakage self-test passed: no feature or model moved at or before %d cuts (%,d rows compared), no implausibly strong feature%n",
          leakage.cuts().size(), leakage.rowsCompared());
    }
    for (ModelBacktest m : r.models()) {
      out.println();
      out.println("model " + m.model() + (m.ok() ? "" : ": failed: " + m.error()));
      if (!m.ok()) continue;
      List<String> header = new ArrayList<>(List.of("fold", "train rows", "test rows", "test from", "test to"));
      header.addAll(ml);
      header.addAll(TRADING);
      header.add("fit_s");
      Table t = new Table(header);
      for (FoldResult f : m.folds()) {
        List<String> cells = new ArrayList<>(List.of(f.fold(), String.format(Locale.ROOT, "%,d", f.trainRows()), String.format(Locale.ROOT, "%,d", f.testRows()),
            day(f.testFrom()), day(f.testTo())));
        for (String k : ml) cells.add(fmt(f.metric(k)));
        for (String k : TRADING) cells.add(k.equals("trades") ? String.format(Locale.ROOT, "%,d", (long) f.metric(k)) : fmt(f.metric(k)));
        cells.add(String.format(Locale.ROOT, "%.2f", f.fitSeconds()));
        t.row(cells);
      }
      List<String> all = new ArrayList<>(List.of("all", "-", String.format(Locale.ROOT, "%,d", m.folds().stream().mapToInt(FoldResult::testRows).sum()), "-", "-"));
      for (String k : ml) all.add(fmt(m.metric(k)));
      for (String k : TRADING) all.add(k.equals("trades") ? String.format(Locale.ROOT, "%,d", (long) m.metric(k)) : fmt(m.metric(k)));
      all.add(String.format(Locale.ROOT, "%.2f", m.folds().stream().mapToDouble(FoldResult::fitSeconds).sum()));
      t.row(all);
      t.print(out);
      out.printf(Locale.ROOT, "deflated Sharpe %s, fold Sharpe std %s, sortino %s, annual return %s%n", fmt(m.deflatedSharpe()), fmt(m.foldSharpeStd()),
          fmt(m.metric("sortino")), fmt(m.metric("annual_return")));
      out.println("grade " + m.grade().grade().label() + " (" + m.grade().decidedBy() + ")");
    }
    out.println();
    Table summary = new Table(List.of("model", "grade", "sharpe", "deflated_sharpe", "max_drawdown", "hit_rate", "auc", "decided by"));
    for (ModelBacktest m : r.models()) {
      summary.row(m.ok()
          ? List.of(m.model(), m.grade().grade().label(), fmt(m.metric("sharpe")), fmt(m.deflatedSharpe()), fmt(m.metric("max_drawdown")),
              fmt(m.metric("hit_rate")), fmt(m.metric("auc")), m.grade().decidedBy())
          : List.of(m.model(), "-", "-", "-", "-", "-", "-", "failed: " + m.error()));
    }
    summary.print(out);
    if (EnsembleComparison.applies(r)) EnsembleComparison.text(r, out);
    out.printf(Locale.ROOT, "%ntotal %.1f s (fits %.1f s of work)%n", r.seconds(), r.fitSeconds());
    out.flush();
  }

  private static Map<String, Object> json(ExperimentConfig c, Dataset data, BacktestResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("symbols", data.symbols());
    root.put("timeframe", c.timeframe());
    root.put("label", c.label());
    root.put("task", r.task());
    root.put("rows", r.rows());
    root.put("split", r.splitter());
    root.put("folds", r.folds());
    root.put("positions", r.rule());
    root.put("costs", r.costs());
    root.put("periods_per_year", r.periodsPerYear());
    root.put("configurations_tried", r.configurationsTried());
    if (c.preprocess() != null) root.put("preprocess", c.preprocess());
    List<Map<String, Object>> models = new ArrayList<>();
    for (ModelBacktest m : r.models()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("model", m.model());
      o.put("family", m.family());
      o.put("variant", m.variant());
      o.put("status", m.ok() ? "ok" : "failed");
      if (!m.ok()) o.put("error", m.error());
      o.put("grade", m.ok() ? m.grade().grade().label() : null);
      o.put("grade_decided_by", m.ok() ? m.grade().decidedBy() : null);
      o.put("grade_checks", m.ok() ? m.grade().checks() : List.of());
      o.put("sharpe", JsonOut.number(m.metric("sharpe")));
      o.put("deflated_sharpe", JsonOut.number(m.deflatedSharpe()));
      o.put("max_drawdown", JsonOut.number(m.metric("max_drawdown")));
      o.put("hit_rate", JsonOut.number(m.metric("hit_rate")));
      o.put("auc", JsonOut.number(m.metric("auc")));
      o.put("fold_sharpe_std", JsonOut.number(m.foldSharpeStd()));
      if (m.metrics().containsKey(ExperimentRunner.EXPENSIVE_SHARE)) o.put(ExperimentRunner.EXPENSIVE_SHARE, JsonOut.number(m.metric(ExperimentRunner.EXPENSIVE_SHARE)));
      Map<String, Object> metrics = new LinkedHashMap<>();
      m.metrics().forEach((k, v) -> metrics.put(k, JsonOut.number(v)));
      o.put("metrics", metrics);
      List<Map<String, Object>> folds = new ArrayList<>();
      for (FoldResult f : m.folds()) {
        Map<String, Object> fo = new LinkedHashMap<>();
        fo.put("fold", f.fold());
        fo.put("train_rows", f.trainRows());
        fo.put("test_rows", f.testRows());
        fo.put("test_from", Instant.ofEpochMilli(f.testFrom()).toString());
        fo.put("test_to", Instant.ofEpochMilli(f.testTo()).toString());
        fo.put("fit_seconds", f.fitSeconds());
        f.metrics().forEach((k, v) -> fo.put(k, JsonOut.number(v)));
        folds.add(fo);
      }
      o.put("folds", folds);
      models.add(o);
    }
    root.put("models", models);
    root.put("seconds", r.seconds());
    root.put("fit_seconds", r.fitSeconds());
    return root;
  }

  private static String day(long ms) {
    return Instant.ofEpochMilli(ms).toString().substring(0, 10);
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "nan" : String.format(Locale.ROOT, "%.4f", x);
  }
}
