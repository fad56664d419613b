package dev.quiver.bench;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Loads the bundled market files for benchmarks with a plain reader (the timed part of a
 * benchmark starts after loading). The data folder is {@code -Dquiver.data.dir}, else the first
 * {@code data/} folder found from the working directory upwards.
 */
public final class BenchData {

  public static final String FUTURES_1M = "cn_index_futures_1m.csv.gz";

  private BenchData() {}

  public static Path file(String name) {
    String dir = System.getProperty("quiver.data.dir");
    if (dir != null) return Path.of(dir, name);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("data").resolve(name))) return p.resolve("data").resolve(name);
    }
    throw new IllegalStateException("cannot find data/" + name + " from " + Path.of("").toAbsolutePath() + "; set -Dquiver.data.dir");
  }

  /** One Bars per symbol, in file order, of a {@code timestamp,open,high,low,close,volume,symbol} CSV.gz. */
  public static List<Bars> read(Path file, Timeframe timeframe) {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (!"timestamp,open,high,low,close,volume,symbol".equals(header)) throw new IllegalStateException(file + ": unexpected header " + header);
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        rows.computeIfAbsent(f[6], s -> new ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Bars> out = new ArrayList<>();
    rows.forEach((symbol, list) -> {
      int n = list.size();
      long[] t = new long[n];
      double[] o = new double[n];
      double[] h = new double[n];
      double[] l = new double[n];
      double[] c = new double[n];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        String[] f = list.get(i);
        t[i] = Instant.parse(f[0]).toEpochMilli();
        o[i] = Double.parseDouble(f[1]);
        h[i] = Double.parseDouble(f[2]);
        l[i] = Double.parseDouble(f[3]);
        c[i] = Double.parseDouble(f[4]);
        v[i] = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
      }
      out.add(new Bars(symbol, timeframe, t, o, h, l, c, v));
    });
    return out;
  }
}
