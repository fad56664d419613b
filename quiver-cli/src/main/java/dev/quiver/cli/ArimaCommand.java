package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.forecast.Arima;
import dev.quiver.forecast.ArimaForecast;
import dev.quiver.forecast.ArimaModel;
import dev.quiver.forecast.ArimaOrder;
import dev.quiver.forecast.AutoArima;
import dev.quiver.forecast.AutoArimaOptions;
import dev.quiver.forecast.SeriesCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver forecast arima}: fit ARIMA(p,d,q), given or chosen by AIC, and forecast H steps. */
@Command(name = "arima", mixinStandardHelpOptions = true,
    description = {"Fit ARIMA(p,d,q) by exact maximum likelihood (Kalman filter) and forecast the next H values.",
        "Conventions (statsmodels' ARIMA): d = 0 fits a constant 'const' that is the series mean; d >= 1 fits no constant",
        "and the ARMA applies to the d-th differences; AR and MA parts are kept stationary and invertible; sigma2 is the",
        "maximum-likelihood innovation variance. AIC = -2 llf + 2k, BIC = -2 llf + k ln(n - d), AICc = AIC + 2k(k+1)/(n-d-k-1),",
        "k counting every estimated parameter (sigma2 and const included). forecast_se excludes parameter uncertainty.",
        "--auto picks d by KPSS tests (5%) and p, q by minimum AIC (stepwise like auto.arima, or --full-grid)."})
public final class ArimaCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV (or .csv.gz) with a header row; one value per row, oldest first.")
  Path input;

  @Option(names = "--column", paramLabel = "NAME", defaultValue = "y", description = "The series column (default: ${DEFAULT-VALUE}; e.g. close on a bars file).")
  String column;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--order", paramLabel = "P,D,Q", description = "Fit this order, e.g. 1,1,1.")
    String order;

    @Option(names = "--auto", description = "Choose the order by minimum AIC.")
    boolean auto;
  }

  @Option(names = "--max-p", paramLabel = "N", defaultValue = "3", description = "--auto: largest AR order (default: ${DEFAULT-VALUE}).")
  int maxP;

  @Option(names = "--max-q", paramLabel = "N", defaultValue = "3", description = "--auto: largest MA order (default: ${DEFAULT-VALUE}).")
  int maxQ;

  @Option(names = "--max-d", paramLabel = "N", defaultValue = "1", description = "--auto: most differences KPSS may ask for (default: ${DEFAULT-VALUE}).")
  int maxD;

  @Option(names = "--d", paramLabel = "D", description = "--auto: use exactly D differences, no unit-root test.")
  Integer fixedD;

  @Option(names = "--full-grid", description = "--auto: try every p in 0..max-p and q in 0..max-q instead of the stepwise search.")
  boolean fullGrid;

  @Option(names = "--steps", paramLabel = "H", defaultValue = "10", description = "Forecast horizon (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (steps < 1) throw new BadInputException("--steps must be >= 1, got " + steps);
    if (!mode.auto && (fixedD != null || fullGrid || spec.commandLine().getParseResult().hasMatchedOption("--max-p")
        || spec.commandLine().getParseResult().hasMatchedOption("--max-q") || spec.commandLine().getParseResult().hasMatchedOption("--max-d"))) {
      throw new BadInputException("--max-p, --max-q, --max-d, --d and --full-grid go with --auto, not --order");
    }
    ArimaOrder order = mode.auto ? null : ArimaOrder.parse(mode.order);
    AutoArimaOptions options = mode.auto ? new AutoArimaOptions(maxP, maxQ, maxD, fixedD == null ? -1 : fixedD, fullGrid) : null;
    double[] y = SeriesCsv.read(input, column);
    AutoArima.Result auto = null;
    ArimaModel model;
    if (mode.auto) {
      auto = AutoArima.fit(y, options);
      model = auto.best();
    } else {
      model = Arima.fit(y, order);
    }
    ArimaForecast f = model.forecast(steps);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(out, json(model, f, auto, y.length));
    } else {
      text(out, model, f, auto, y.length);
    }
    return 0;
  }

  private static Map<String, Object> json(ArimaModel m, ArimaForecast f, AutoArima.Result auto, int n) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("order", List.of(m.order().p(), m.order().d(), m.order().q()));
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Object> se = new LinkedHashMap<>();
    double[] p = m.params();
    double[] s = m.standardErrors();
    for (int i = 0; i < p.length; i++) {
      params.put(m.paramNames().get(i), JsonOut.number(p[i]));
      se.put(m.paramNames().get(i), JsonOut.number(s[i]));
    }
    j.put("params", params);
    j.put("standard_errors", se);
    j.put("llf", JsonOut.number(m.llf()));
    j.put("aic", JsonOut.number(m.aic()));
    j.put("bic", JsonOut.number(m.bic()));
    j.put("aicc", JsonOut.number(m.aicc()));
    j.put("nobs", m.nobs());
    j.put("n", n);
    j.put("forecast", numbers(f.mean()));
    j.put("forecast_se", numbers(f.se()));
    if (auto != null) {
      j.put("kpss", auto.kpss());
      List<Map<String, Object>> tried = new ArrayList<>();
      for (AutoArima.Candidate c : auto.tried()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order", List.of(c.order().p(), c.order().d(), c.order().q()));
        row.put("aic", JsonOut.number(c.aic()));
        tried.add(row);
      }
      j.put("tried", tried);
    }
    return j;
  }

  private static List<Double> numbers(double[] x) {
    List<Double> out = new ArrayList<>(x.length);
    for (double v : x) out.add(JsonOut.number(v));
    return out;
  }

  private static void text(PrintWriter out, ArimaModel m, ArimaForecast f, AutoArima.Result auto, int n) {
    if (auto != null) {
      out.printf(Locale.ROOT, "KPSS statistics (d = 0, 1, ..): %s (5%% critical value 0.463)%n", auto.kpss());
      out.println("orders tried (AIC):");
      for (AutoArima.Candidate c : auto.tried()) out.printf(Locale.ROOT, "  (%s)  %s%n", c.order(), Double.isNaN(c.aic()) ? "not fitted" : String.format(Locale.ROOT, "%.3f", c.aic()));
    }
    out.printf(Locale.ROOT, "ARIMA(%s) on %,d observations (%,d in the likelihood)%n", m.order(), n, m.nobs());
    out.printf(Locale.ROOT, "%-8s %14s %12s%n", "param", "estimate", "std err");
    double[] p = m.params();
    double[] s = m.standardErrors();
    for (int i = 0; i < p.length; i++) out.printf(Locale.ROOT, "%-8s %14.6g %12.4g%n", m.paramNames().get(i), p[i], s[i]);
    out.printf(Locale.ROOT, "llf %.4f  aic %.4f  bic %.4f  aicc %.4f%n", m.llf(), m.aic(), m.bic(), m.aicc());
    out.printf(Locale.ROOT, "%-4s %14s %12s %14s %14s%n", "h", "forecast", "std err", "95% low", "95% high");
    for (int h = 1; h <= f.steps(); h++) {
      out.printf(Locale.ROOT, "%-4d %14.6g %12.4g %14.6g %14.6g%n", h, f.mean()[h - 1], f.se()[h - 1], f.lower(h, 0.95), f.upper(h, 0.95));
    }
    out.flush();
  }
}
