package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.deep.DeepBenchmark;
import dev.quiver.deep.PathRealism;
import dev.quiver.deep.ReturnGan;
import dev.quiver.model.TrainContext;
import dev.quiver.error.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quiver benchmark lstm} and {@code quiver benchmark mlp-inference} on the seed12 /
 * next-bar-direction dataset of the input (FitBenchmark's dataset): LSTM epochs with the JVM's
 * RSS after each, and one-row MLP predictions.
 */
final class DeepBenchmarks {

  static final int LSTM_WINDOWS = 100_000;

  private DeepBenchmarks() {}

  static int run(String name, Path file, Integer runs, Integer warmups, int threads, Map<String, String> params, OutputFormat format, PrintWriter out) {
    Dataset data = FitBenchmark.dataset(file);
    return name.equals("lstm") ? lstm(data, file, runs, warmups, threads, params, format, out)
        : mlpInference(data, file, runs, warmups, threads, format, out);
  }

  private static int lstm(Dataset data, Path file, Integer runs, Integer warmups, int threads, Map<String, String> params, OutputFormat format,
      PrintWriter out) {
    int measured = runs != null ? runs : 3;
    int warm = warmups != null ? warmups : 1;
    if (measured < 1 || warm < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    Map<String, String> o = new LinkedHashMap<>(DeepBenchmark.lstmDefaults());
    if (params != null) o.putAll(params);
    DeepBenchmark.Epochs e = DeepBenchmark.epochs("lstm", data, LSTM_WINDOWS, warm + measured, threads, o);
    long[] timed = Arrays.copyOfRange(e.epochNanos(), Math.min(warm, e.epochNanos().length), e.epochNanos().length);
    List<Double> epochMs = new ArrayList<>();
    for (long n : e.epochNanos()) epochMs.add(n / 1e6);
    List<Double> rssMb = new ArrayList<>();
    for (long b : e.rssBytes()) rssMb.add(b < 0 ? Double.NaN : b / 1048576.0);
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", "lstm");
      m.put("runs", timed.length);
      m.put("warmups", warm);
      m.put("median_ms", median(timed));
      m.put("min_ms", min(timed));
      m.put("epoch_ms", epochMs);
      m.put("rss_mb", rssMb);
      m.put("windows", e.windows());
      m.put("lookback", e.lookback());
      m.put("features", e.features());
      m.put("batch", e.batch());
      m.put("threads", e.threads());
      m.put("input", file.toString());
      m.put("params", e.params());
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "lstm: %,d windows x %d bars x %d features, batch %d, %d threads, from %s%n", e.windows(), e.lookback(), e.features(),
          e.batch(), e.threads(), file.getFileName());
      out.printf(Locale.ROOT, "epoch median %.3f s, min %.3f s over %d epochs (after %d warm-up epoch%s)%n", median(timed) / 1e3, min(timed) / 1e3,
          timed.length, warm, warm == 1 ? "" : "s");
      for (int i = 0; i < epochMs.size(); i++) out.printf(Locale.ROOT, "  epoch %d: %.3f s, RSS %.1f MB%n", i + 1, epochMs.get(i) / 1e3, rssMb.get(i));
    }
    out.flush();
    return 0;
  }

  private static int mlpInference(Dataset data, Path file, Integer runs, Integer warmups, int threads, OutputFormat format, PrintWriter out) {
    int measured = runs != null ? runs : 10_000;
    int warm = warmups != null ? warmups : 2_000;
    if (measured < 1 || warm < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    DeepBenchmark.Inference r = DeepBenchmark.mlpSingleRow(data, Math.min(20_000, data.rows() / 2), threads, warm, measured);
    double medianUs = median(r.nanos()) * 1e3;
    double minUs = min(r.nanos()) * 1e3;
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", "mlp-inference");
      m.put("runs", measured);
      m.put("warmups", warm);
      m.put("median_ms", median(r.nanos()));
      m.put("min_ms", min(r.nanos()));
      m.put("median_us", medianUs);
      m.put("threads", threads);
      m.put("input", file.toString());
      m.put("params", r.params());
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "mlp-inference: one-row predict of an mlp (balanced) trained on %,d rows of %s, %d threads%n", r.trainRows(),
          file.getFileName(), threads);
      out.printf(Locale.ROOT, "median %.1f us, min %.1f us over %d calls (after %d warm-up calls)%n", medianUs, minUs, measured, warm);
    }
    out.flush();
    return 0;
  }

  /** Fits the return-path gan on the first symbol of {@code file} and prints how realistic 5,000 generated paths are. */
  static int gan(Path file, Integer runs, int threads, OutputFormat format, PrintWriter out) {
    int epochs = runs != null ? runs : 10;
    if (epochs < 1) throw new BadInputException("--runs (gan epochs) must be >= 1");
    dev.quiver.data.Bars bars = dev.quiver.data.MarketData.load(file, dev.quiver.data.ReadOptions.defaults()).series().get(0);
    double[] close = bars.close();
    double[] all = new double[Math.max(0, close.length - 1)];
    int n = 0;
    for (int i = 1; i < close.length; i++) {
      double v = Math.log(close[i] / close[i - 1]);
      if (Double.isFinite(v)) all[n++] = v;
    }
    double[] r = Arrays.copyOf(all, n);
    ReturnGan.Settings d = ReturnGan.Settings.defaults();
    ReturnGan.Settings s = new ReturnGan.Settings(d.window(), d.noise(), d.hidden(), epochs, d.batchSize(), d.learningRate());
    long started = System.nanoTime();
    try (ReturnGan gan = ReturnGan.fit(List.of(r), s, new TrainContext(threads, 42, dev.quiver.model.Progress.NONE, dev.quiver.model.Cancellation.none()))) {
      double fitSeconds = (System.nanoTime() - started) / 1e9;
      PathRealism p = gan.realism(List.of(r), 5_000, 1, 5);
      if (format == OutputFormat.JSON) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "gan");
        m.put("epochs", epochs);
        m.put("returns", r.length);
        m.put("window", s.window());
        m.put("threads", threads);
        m.put("fit_s", fitSeconds);
        m.put("ks", p.ks());
        m.put("real", p.real());
        m.put("generated", p.generated());
        m.put("acf_real", p.realAcf());
        m.put("acf_generated", p.generatedAcf());
        m.put("abs_acf_real", p.realAbsAcf());
        m.put("abs_acf_generated", p.generatedAbsAcf());
        m.put("input", file.toString());
        JsonOut.print(out, m);
      } else {
        out.printf(Locale.ROOT, "gan: %,d log returns of %s (%s), windows of %d, %d epochs, %d threads, fit %.1f s%n", r.length, bars.symbol(),
            file.getFileName(), s.window(), epochs, threads, fitSeconds);
        out.printf(Locale.ROOT, "KS statistic (pooled returns, 5,000 paths vs real windows): %.4f%n", p.ks());
        out.printf(Locale.ROOT, "%-10s %12s %12s %8s %10s%n", "", "mean", "std", "skew", "ex.kurt");
        out.printf(Locale.ROOT, "%-10s %12.3e %12.3e %8.3f %10.3f%n", "real", p.real().mean(), p.real().std(), p.real().skew(), p.real().excessKurtosis());
        out.printf(Locale.ROOT, "%-10s %12.3e %12.3e %8.3f %10.3f%n", "generated", p.generated().mean(), p.generated().std(), p.generated().skew(),
            p.generated().excessKurtosis());
        for (int lag = 1; lag <= p.realAcf().length; lag++) {
          out.printf(Locale.ROOT, "lag %d: acf real %+.4f generated %+.4f | acf |r| real %+.4f generated %+.4f%n", lag, p.realAcf()[lag - 1],
              p.generatedAcf()[lag - 1], p.realAbsAcf()[lag - 1], p.generatedAbsAcf()[lag - 1]);
        }
      }
    }
    out.flush();
    return 0;
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1e6;
  }
}
