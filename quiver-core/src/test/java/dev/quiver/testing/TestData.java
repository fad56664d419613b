package dev.quiver.testing;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
 * Real market data for tests, read by a deliberately plain reader (split on commas, JDK
 * parsing) that serves as an oracle for the fast one in {@code dev.quiver.data}. The bundled
 * files live in the repository's {@code data/} folder (surefire passes it as
 * {@code quiver.data.dir}); the Bitstamp trades come from the ta4j-examples test jar.
 */
public final class TestData {

  public static final String FUTURES_1M = "cn_index_futures_1m.csv.gz";
  public static final String ASHARE_1M = "cn_ashare_1m.csv.gz";
  public static final String DAILY_1D = "cn_daily_1d.csv.gz";
  public static final String BITSTAMP_RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

  private static final Map<String, Map<String, Bars>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private TestData() {}

  /** The repository's data folder. */
  public static Path dataDir() {
    String dir = System.getProperty("quiver.data.dir");
    if (dir != null) return Path.of(dir);
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) p = p.getParent();
    if (p == null) throw new IllegalStateException("cannot find the repository's data/ folder; set -Dquiver.data.dir");
    return p.resolve("data");
  }

  public static Path file(String name) {
    return dataDir().resolve(name);
  }

  /** Bars per symbol (file order) of a bundled {@code timestamp,open,high,low,close,volume,symbol} file. */
  public static Map<String, Bars> bars(String fileName, Timeframe timeframe) {
    return CACHE.computeIfAbsent(fileName + "@" + timeframe, k -> read(file(fileName), timeframe));
  }

  /** The futures file's 1m bars of one symbol (ICL8.cfe, IFL8.cfe or IML8.cfe). */
  public static Bars futures(String symbol) {
    return bars(FUTURES_1M, Timeframe.M1).get(symbol);
  }

  /** All three futures symbols' 1m bars. */
  public static List<Bars> futures() {
    return List.copyOf(bars(FUTURES_1M, Timeframe.M1).values());
  }

  private static Map<String, Bars> read(Path file, Timeframe timeframe) {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (!header.equals("timestamp,open,high,low,close,volume,symbol")) throw new IllegalStateException("unexpected header " + header);
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        rows.computeIfAbsent(f[6], s -> new ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Bars> out = new LinkedHashMap<>();
    rows.forEach((symbol, list) -> {
      int n = list.size();
      long[] t = new long[n];
      double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
      for (int i = 0; i < n; i++) {
        String[] f = list.get(i);
        t[i] = Instant.parse(f[0]).toEpochMilli();
        o[i] = Double.parseDouble(f[1]);
        h[i] = Double.parseDouble(f[2]);
        l[i] = Double.parseDouble(f[3]);
        c[i] = Double.parseDouble(f[4]);
        v[i] = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
      }
      out.put(symbol, new Bars(symbol, timeframe, t, o, h, l, c, v));
    });
    return out;
  }

  /** The 100,000 Bitstamp BTC/USD trades as {time ms[], price[], amount[]} (time in ms). */
  public static double[][] bitstampTrades() {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(BITSTAMP_RESOURCE)) {
      if (in == null) throw new IllegalStateException(BITSTAMP_RESOURCE + " is not on the test classpath (ta4j-examples)");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        String[] f = line.split(",");
        rows.add(new double[] {Long.parseLong(f[0].trim()) * 1000.0, Double.parseDouble(f[1]), Double.parseDouble(f[2])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[][] out = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) for (int j = 0; j < 3; j++) out[j][i] = rows.get(i)[j];
    return out;
  }

  /**
   * The Bitstamp trades as 1-minute bars (about 9,400): open/high/low/close/sum of amount per
   * clock minute, stamped with the minute's open; minutes without trades get no bar.
   */
  public static Bars bitstampMinuteBars() {
    return CACHE.computeIfAbsent("bitstamp", k -> {
      double[][] tr = bitstampTrades();
      List<double[]> bars = new ArrayList<>();
      double[] cur = null;
      for (int i = 0; i < tr[0].length; i++) {
        long minute = Math.floorDiv((long) tr[0][i], 60_000L) * 60_000L;
        double p = tr[1][i];
        if (cur == null || (long) cur[0] != minute) {
          if (cur != null && minute < (long) cur[0]) continue; // out of order trade: the plain oracle skips it
          cur = new double[] {minute, p, p, p, p, 0};
          bars.add(cur);
        }
        cur[2] = Math.max(cur[2], p);
        cur[3] = Math.min(cur[3], p);
        cur[4] = p;
        cur[5] += tr[2][i];
      }
      int n = bars.size();
      long[] t = new long[n];
      double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
      for (int i = 0; i < n; i++) {
        double[] b = bars.get(i);
        t[i] = (long) b[0];
        o[i] = b[1];
        h[i] = b[2];
        l[i] = b[3];
        c[i] = b[4];
        v[i] = b[5];
      }
      return Map.of("BTCUSD", new Bars("BTCUSD", Timeframe.M1, t, o, h, l, c, v));
    }).get("BTCUSD");
  }
}
