package dev.quiver.cli;

import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ValidationReport;
import dev.quiver.error.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver data validate FILE}: report every problem in a file; exit 0 when clean, 2 when not. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a market data file: increasing timestamps per symbol, duplicates, missing or non-numeric fields,",
        "NaN/inf, non-positive prices, negative volume and OHLC consistency. Exit 0 when clean, 2 when problems are found."})
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV, CSV.gz or Parquet file of bars or tick trades.")
  Path file;

  @Mixin
  InputOptions input;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Problems listed in text output (default: ${DEFAULT-VALUE}; JSON lists all).")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    LoadedData loaded = MarketData.read(file, input.readOptions());
    ValidationReport r = loaded.report();
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(out, json(loaded));
    } else {
      out.printf("%s: %,d rows read, %,d kept, %d symbol%s, policy %s%n", file, r.rowsRead(), r.rowsKept(),
          loaded.series().size(), loaded.series().size() == 1 ? "" : "s", r.policy().name().toLowerCase());
      for (String note : r.notes()) out.println("note: " + note);
      if (r.clean()) {
        out.println("clean: no problems found");
      } else {
        out.printf("%d problem%s:%n", r.problems().size(), r.problems().size() == 1 ? "" : "s");
        Table t = new Table(List.of("line", "column", "value", "rule", "message"));
        int shown = Math.min(limit, r.problems().size());
        for (int i = 0; i < shown; i++) {
          Problem p = r.problems().get(i);
          t.row(List.of(String.valueOf(p.where().line()), p.where().column(), p.value(), p.rule(), p.message()));
        }
        t.print(out);
        if (shown < r.problems().size()) out.printf("... %d more (use --limit or --format json)%n", r.problems().size() - shown);
      }
      out.flush();
    }
    return r.clean() ? 0 : 2;
  }

  private static Map<String, Object> json(LoadedData loaded) {
    ValidationReport r = loaded.report();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", String.valueOf(r.file()));
    m.put("policy", r.policy().name().toLowerCase());
    m.put("clean", r.clean());
    m.put("rows_read", r.rowsRead());
    m.put("rows_kept", r.rowsKept());
    m.put("symbols", loaded.series().stream().map(b -> b.symbol()).toList());
    m.put("notes", r.notes());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : r.problems()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("file", p.where().file());
      q.put("line", p.where().line());
      q.put("column", p.where().column());
      q.put("value", p.value());
      q.put("rule", p.rule());
      q.put("message", p.message());
      problems.add(q);
    }
    m.put("problems", problems);
    return m;
  }
}
