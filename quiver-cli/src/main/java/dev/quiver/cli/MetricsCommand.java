package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.PeriodsPerYear;
import dev.quiver.eval.ReturnMetrics;
import dev.quiver.eval.ReturnsCsv;
import dev.quiver.experiment.ExperimentRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver metrics --returns FILE}: every trading metric of a returns series, empyrical's conventions. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Trading metrics of a series of simple per-period returns (0.01 = +1%%), with empyrical's conventions:",
        "Sharpe (ddof=1), Sortino, max drawdown (negative fraction), CAGR, volatility, Calmar, hit rate, profit factor, ...",
        "FILE is CSV (or .csv.gz) with a 'return' column, optionally a 'timestamp' column.",
        "Periods per year come from --periods-per-year, else from the timestamps' trading calendar",
        "(median bars per active day x active days per year); without timestamps --periods-per-year is required.",
        "Undefined values (no losses, zero variance) print as - in text and null in JSON."})
public final class MetricsCommand implements Callable<Integer> {

  @Option(names = "--returns", required = true, paramLabel = "FILE", description = "CSV with a 'return' column, or 'timestamp,return'.")
  Path file;

  @Option(names = "--periods-per-year", paramLabel = "N",
      description = "Return periods per year (e.g. 252 for exchange daily bars, 525960 for 24/7 minute bars); default: estimated from the timestamps.")
  Double periodsPerYear;

  @Option(names = "--risk-free", paramLabel = "R", defaultValue = "0",
      description = "Risk-free return per period, subtracted in the Sharpe ratio only (default: ${DEFAULT-VALUE}).")
  double riskFree;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Zone of timestamps without an offset, and whose days the calendar estimate counts (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (periodsPerYear != null && (!(periodsPerYear > 0) || periodsPerYear.isInfinite())) {
      throw new BadInputException(Where.cell("command line", 0, "--periods-per-year"), "periods per year must be a positive number, got " + periodsPerYear,
          "e.g. --periods-per-year 252");
    }
    if (!Double.isFinite(riskFree)) throw new BadInputException(Where.cell("command line", 0, "--risk-free"), "risk-free return must be finite", "e.g. --risk-free 0");
    ReturnsCsv.Series series = ReturnsCsv.read(file, ExperimentRunner.zone(zone));
    PeriodsPerYear estimate = null;
    double ppy;
    if (periodsPerYear != null) {
      ppy = periodsPerYear;
    } else if (series.hasTime()) {
      try {
        estimate = PeriodsPerYear.estimate(series.time(), ExperimentRunner.zone(zone));
      } catch (BadInputException e) {
        throw new BadInputException(Where.cell(file, 0, "timestamp"), e.problems().get(0).message(), "pass --periods-per-year N");
      }
      ppy = estimate.periodsPerYear();
    } else {
      throw new BadInputException(Where.file(file), "the file has no 'timestamp' column, so periods per year cannot be derived",
          "pass --periods-per-year N (e.g. 252 for daily bars of a stock exchange) or add a 'timestamp' column");
    }
    ReturnMetrics m = ReturnMetrics.of(series.returns(), ppy, riskFree);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> values = values(m);
    if (format == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>(values);
      json.put("periods_per_year", ppy);
      json.put("periods_per_year_source", estimate == null ? "given" : "estimated");
      if (estimate != null) {
        json.put("bars_per_day", estimate.barsPerDay());
        json.put("active_days_per_year", estimate.activeDaysPerYear());
      }
      json.put("risk_free", riskFree);
      json.put("file", file.toString());
      JsonOut.print(out, json);
      return 0;
    }
    out.printf(Locale.ROOT, "%s: %,d returns, %s periods per year%s%n", file, m.n(), num(ppy),
        estimate == null ? " (given)" : String.format(Locale.ROOT, " (estimated: %s bars per active day x %s active days per year)",
            num(estimate.barsPerDay()), num(estimate.activeDaysPerYear())));
    Table t = new Table(List.of("metric", "value"));
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      t.row(List.of(e.getKey(), v == null ? "-" : v instanceof Double d ? num(d) : v.toString()));
    }
    t.print(out);
    return 0;
  }

  /** The documented JSON keys, in order; undefined values are null. */
  static Map<String, Object> values(ReturnMetrics m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("sharpe", JsonOut.number(m.sharpe()));
    v.put("sortino", JsonOut.number(m.sortino()));
    v.put("max_drawdown", JsonOut.number(m.maxDrawdown()));
    v.put("annual_return", JsonOut.number(m.annualReturn()));
    v.put("annual_volatility", JsonOut.number(m.annualVolatility()));
    v.put("calmar", JsonOut.number(m.calmar()));
    v.put("hit_rate", JsonOut.number(m.hitRate()));
    v.put("profit_factor", JsonOut.number(m.profitFactor()));
    v.put("win_loss_ratio", JsonOut.number(m.winLossRatio()));
    v.put("total_return", JsonOut.number(m.totalReturn()));
    v.put("n", m.n());
    v.put("skewness", JsonOut.number(m.skewness()));
    v.put("kurtosis", JsonOut.number(m.kurtosis()));
    v.put("probabilistic_sharpe", JsonOut.number(m.probabilisticSharpe()));
    return v;
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) return s;
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
