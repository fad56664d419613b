package dev.quiver.cli;

import dev.quiver.experiment.DatasetSummary;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.LeaderboardRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints an experiment's leaderboard as a table or as JSON (one object per model). */
final class LeaderboardPrinter {

  private static final List<String> CLASSIFICATION = List.of("auc", "accuracy", "precision", "recall", "f1", "log_loss");
  private static final List<String> REGRESSION = List.of("rmse", "mae", "r2", "directional_accuracy", "auc", "ic");
  private static final List<String> MULTICLASS = List.of("accuracy", "macro_f1", "log_loss", "auc", "ic");

  private LeaderboardPrinter() {}

  static void print(ExperimentResult result, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> rows = new ArrayList<>();
      java.util.Optional<String> note = ExperimentRunner.splitNote(result.config());
      for (LeaderboardRow r : result.leaderboard()) {
        Map<String, Object> row = json(r, metricNames(result));
        note.ifPresent(n -> row.put("split_note", n));
        rows.add(row);
      }
      JsonOut.print(out, rows);
      return;
    }
    DatasetSummary d = result.dataset();
    out.printf(Locale.ROOT, "%s: %s, %s bars%s, label %s%n", result.config().name(), String.join(", ", d.symbols()), d.timeframe(),
        d.higherTimeframes().isEmpty() ? "" : " + " + String.join("/", d.higherTimeframes()) + " as-of joined", d.label());
    out.printf(Locale.ROOT, "dataset: %,d rows x %d features; train %s, validation %s, test %s%n", d.rows(), d.features().size(),
        segment(d.train()), segment(d.validation()), segment(d.test()));
    out.println("scores are on the test segment only (never seen in training or early stopping)");
    out.println();
    List<String> metrics = metricNames(result);
    List<String> header = new ArrayList<>(List.of("model"));
    header.addAll(metrics);
    header.add("fit_s");
    header.add("status");
    Table t = new Table(header);
    for (LeaderboardRow r : result.leaderboard()) {
      List<String> cells = new ArrayList<>(List.of(r.model()));
      for (String m : metrics) cells.add(fmt(r.metric(m)));
      cells.add(String.format(Locale.ROOT, "%.2f", r.fitSeconds()));
      cells.add(r.status().equals("ok") ? "ok" : r.status() + ": " + r.error());
      t.row(cells);
    }
    t.print(out);
    out.printf(Locale.ROOT, "%ntotal %.1f s%n", result.seconds());
    out.flush();
  }

  /** The task's metrics, with {@code brier} after {@code log_loss} when the runner scored it, then {@code expensive_share} when a cascade was scored. */
  private static List<String> metricNames(ExperimentResult result) {
    if (result.dataset().task().equals("multiclass")) return MULTICLASS;
    if (!result.dataset().task().equals("binary")) return REGRESSION;
    boolean brier = result.leaderboard().stream().anyMatch(r -> r.metrics().containsKey("brier"));
    List<String> names = new ArrayList<>(CLASSIFICATION);
    if (brier) names.add("brier");
    if (result.leaderboard().stream().anyMatch(r -> r.metrics().containsKey(ExperimentRunner.EXPENSIVE_SHARE))) names.add(ExperimentRunner.EXPENSIVE_SHARE);
    return names;
  }

  private static Map<String, Object> json(LeaderboardRow r, List<String> metrics) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", r.model());
    m.put("family", r.family());
    m.put("variant", r.variant());
    m.put("status", r.status());
    for (String k : metrics) m.put(k, JsonOut.number(r.metric(k)));
    m.put("fit_seconds", r.fitSeconds());
    m.put("test_rows", r.testRows());
    if (!r.error().isEmpty()) m.put("error", r.error());
    return m;
  }

  private static String segment(DatasetSummary.Segment s) {
    if (s.rows() == 0) return "0 rows";
    return String.format(Locale.ROOT, "%,d rows %s..%s", s.rows(), s.from().toString().substring(0, 10), s.to().toString().substring(0, 10));
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "nan" : String.format(Locale.ROOT, "%.4f", x);
  }
}
