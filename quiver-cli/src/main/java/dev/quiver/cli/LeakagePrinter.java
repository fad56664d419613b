package dev.quiver.cli;

import dev.quiver.leakage.LeakageReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link LeakageReport} as text lines or as one JSON object. */
final class LeakagePrinter {

  /** The exit code of a check that found leakage. */
  static final int LEAKAGE_EXIT = 3;

  private LeakagePrinter() {}

  static void text(LeakageReport r, int models, PrintWriter out) {
    List<String> cuts = new ArrayList<>();
    for (long c : r.cuts()) cuts.add(Instant.ofEpochMilli(c).toString());
    out.printf(Locale.ROOT, "leakage check: bars after %s perturbed; %,d rows at or before the cuts compared%n", String.join(" and ", cuts), r.rowsCompared());
    if (r.features().isEmpty()) out.println("  features: ok, none moved at or before a cut");
    for (LeakageReport.Change c : r.features()) {
      out.printf(Locale.ROOT, "  LEAK feature %s reads the future: at row %,d (%s, cut %s) it was %s and became %s when only later bars changed%n",
          c.name(), c.row(), Instant.ofEpochMilli(c.time()), Instant.ofEpochMilli(c.cut()), c.before(), c.after());
    }
    if (r.models().isEmpty()) out.printf(Locale.ROOT, "  models: ok, no prediction of %d model%s moved before a cut%n", models, models == 1 ? "" : "s");
    for (LeakageReport.Change c : r.models()) {
      out.printf(Locale.ROOT, "  LEAK model %s: its prediction at row %,d (%s, cut %s) was %s and became %s when only later bars changed%n",
          c.name(), c.row(), Instant.ofEpochMilli(c.time()), Instant.ofEpochMilli(c.cut()), c.before(), c.after());
    }
    if (r.suspects().isEmpty()) out.printf(Locale.ROOT, "  association: ok, no feature has median |rank IC| >= %s with the label's return%n", limitText(r));
    for (LeakageReport.Suspect s : r.suspects()) {
      out.printf(Locale.ROOT, "  LEAK feature %s is implausibly strong: median |rank IC| %.3f with the label's forward return over %d blocks (limit %s); is it the future in disguise?%n",
          s.name(), s.rankIc(), s.blocks(), s.limit());
    }
    out.println(r.clean() ? "leakage check passed" : "leakage check FAILED (exit " + LEAKAGE_EXIT + ")");
    out.flush();
  }

  static Map<String, Object> json(LeakageReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clean", r.clean());
    List<String> cuts = new ArrayList<>();
    for (long c : r.cuts()) cuts.add(Instant.ofEpochMilli(c).toString());
    m.put("cuts", cuts);
    m.put("rows_compared", r.rowsCompared());
    m.put("features", changes(r.features()));
    m.put("models", changes(r.models()));
    List<Map<String, Object>> suspects = new ArrayList<>();
    for (LeakageReport.Suspect s : r.suspects()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", s.name());
      o.put("rank_ic", s.rankIc());
      o.put("blocks", s.blocks());
      o.put("limit", s.limit());
      suspects.add(o);
    }
    m.put("suspects", suspects);
    return m;
  }

  private static List<Map<String, Object>> changes(List<LeakageReport.Change> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LeakageReport.Change c : list) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", c.name());
      o.put("row", c.row());
      o.put("time", Instant.ofEpochMilli(c.time()).toString());
      o.put("cut", Instant.ofEpochMilli(c.cut()).toString());
      o.put("before", JsonOut.number(c.before()));
      o.put("after", JsonOut.number(c.after()));
      out.add(o);
    }
    return out;
  }

  private static String limitText(LeakageReport r) {
    return r.suspects().isEmpty() ? "the limit" : String.valueOf(r.suspects().get(0).limit());
  }
}
