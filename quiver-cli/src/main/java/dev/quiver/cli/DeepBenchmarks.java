package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.deep.DeepBenchmark;
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

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1e6;
  }
}
