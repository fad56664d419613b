package dev.quiver.cli;

import dev.quiver.experiment.AnalystTactician;
import dev.quiver.experiment.PresetModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the analyst/tactician leaderboard: a table, or JSON with one object per model. */
final class PresetPrinter {

  private static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "auc");

  private PresetPrinter() {}

  static void print(AnalystTactician.Result r, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PresetModel m : r.models()) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", m.name());
        j.put("family", m.family());
        j.put("timeframe", m.timeframe());
        j.put("status", m.status());
        for (String k : METRICS) j.put(k, JsonOut.number(m.metrics().getOrDefault(k, Double.NaN)));
        j.put("cv_scores", m.cvScores());
        j.put("cv_mean", JsonOut.number(m.cvMean()));
        j.put("feature_importance", m.importance());
        j.put("train_rows", m.trainRows());
        j.put("test_rows", m.testRows());
        if (!m.error().isEmpty()) j.put("error", m.error());
        rows.add(j);
      }
      JsonOut.print(out, rows);
      return;
    }
    out.printf(Locale.ROOT, "analyst-tactician on %s: metrics on the test segment (last 20%% of time); cv = time-series CV accuracy in training%n%n", r.symbol());
    Table t = new Table(List.of("model", "family", "accuracy", "precision", "recall", "f1", "auc", "cv_mean", "top_features", "status"));
    for (PresetModel m : r.models()) {
      List<String> cells = new ArrayList<>(List.of(m.name(), m.family()));
      for (String k : METRICS) cells.add(fmt(m.metrics().getOrDefault(k, Double.NaN)));
      cells.add(fmt(m.cvMean()));
      List<String> top = m.importance().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(3).map(Map.Entry::getKey).toList();
      cells.add(top.isEmpty() ? "-" : String.join(",", top));
      cells.add(m.status().equals("ok") ? "ok" : m.status() + ": " + m.error());
      t.row(cells);
    }
    t.print(out);
    out.printf(Locale.ROOT, "%ntotal %.1f s%n", r.seconds());
    out.flush();
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "nan" : String.format(Locale.ROOT, "%.4f", x);
  }
}
