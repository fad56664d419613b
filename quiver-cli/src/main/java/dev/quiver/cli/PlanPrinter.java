package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.FamilyCosts;
import dev.quiver.exec.TrainJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a job plan for {@code quiver train --dry-run}, in the order the jobs would start
 * (longest first by family; the row count is not known before the data is read, and it is the
 * same for every job of an experiment, so the order holds).
 */
final class PlanPrinter {

  private PlanPrinter() {}

  static void print(ExperimentConfig c, List<TrainJob> jobs, ExecutorOptions options, OutputFormat format, PrintWriter out) {
    FamilyCosts costs = new FamilyCosts(1, 1);
    List<TrainJob> order = new ArrayList<>(jobs);
    order.sort(Comparator.comparingDouble((TrainJob j) -> -costs.estimate(j).work()).thenComparingInt(jobs::indexOf));
    int threads = options.threadsPerJob();
    if (format == OutputFormat.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("experiment", c.name());
      doc.put("seed", c.seed());
      doc.put("thread_budget", options.budget().cores());
      doc.put("concurrent_jobs", options.concurrentJobs());
      doc.put("threads_per_job", threads);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (TrainJob j : order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", j.name());
        m.put("family", j.family());
        m.put("variant", j.variant());
        m.put("overrides", j.overrides());
        m.put("data", j.slice().data());
        m.put("timeframe", j.slice().timeframe());
        m.put("symbol", j.slice().symbol());
        m.put("fold", j.slice().fold());
        m.put("seed", j.seed());
        m.put("threads", threads);
        rows.add(m);
      }
      doc.put("jobs", rows);
      JsonOut.print(out, doc);
      return;
    }
    out.printf(Locale.ROOT, "%s: %d job%s, seed %d, budget %d thread%s: %d at once x %d thread%s each (dry run: nothing is trained)%n%n",
        c.name(), jobs.size(), jobs.size() == 1 ? "" : "s", c.seed(), options.budget().cores(), options.budget().cores() == 1 ? "" : "s",
        options.concurrentJobs(), threads, threads == 1 ? "" : "s");
    Table t = new Table(List.of("start", "job", "family", "variant", "overrides", "timeframe", "symbol", "fold", "seed", "threads"));
    int n = 1;
    for (TrainJob j : order) {
      List<String> kv = new ArrayList<>();
      j.overrides().forEach((k, v) -> kv.add(k + "=" + v));
      t.row(List.of(Integer.toString(n++), j.name(), j.family(), j.variant(), kv.isEmpty() ? "-" : String.join(",", kv),
          j.slice().timeframe(), j.slice().symbol(), j.slice().fold(), Long.toString(j.seed()), Integer.toString(threads)));
    }
    t.print(out);
    out.flush();
  }
}
