package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Rows written in many legal ways (quotes, blanks, exponents, long mantissas, CRLF, a missing
 * last line feed) read back to exactly the values written, whichever parsing path takes them.
 */
class CsvVariantsTest {

  private final Path dir;

  CsvVariantsTest() throws IOException {
    dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "variants");
  }

  @AfterProperty
  void cleanUp() throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static String write(double v, Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "\"" + v + "\"";
      case 1 -> " " + v + " ";
      case 2 -> {
        BigDecimal shortest = new BigDecimal(Double.toString(v));
        yield shortest.unscaledValue() + "e" + (-shortest.scale());
      }
      case 3 -> new BigDecimal(v).toPlainString();
      default -> Double.toString(v);
    };
  }

  @Property(tries = 40)
  void every_written_form_reads_back_exactly(@ForAll @IntRange(min = 1, max = 300) int rows, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("timestamp,open,high,low,close,volume,symbol\n");
    double[][] expected = new double[5][rows];
    long t0 = 1_704_159_000_000L;
    for (int i = 0; i < rows; i++) {
      double low = 1 + r.nextInt(100_000) / 100.0;
      double high = low + r.nextInt(1000) / 100.0;
      double open = r.nextBoolean() ? low : high;
      double close = Math.min(high, low + (high - low) * r.nextDouble());
      double volume = r.nextInt(5) == 0 ? 0 : r.nextInt(1_000_000);
      double[] row = {open, high, low, close, volume};
      sb.append(java.time.Instant.ofEpochMilli(t0 + 60_000L * i));
      for (int c = 0; c < 5; c++) {
        expected[c][i] = row[c];
        sb.append(',').append(write(row[c], r));
      }
      sb.append(',').append(r.nextBoolean() ? "S" : "\"S\"");
      if (i < rows - 1 || r.nextBoolean()) sb.append(r.nextBoolean() ? "\r\n" : "\n");
    }
    Path f = Files.writeString(dir.resolve("v" + seed + ".csv"), sb.toString());
    LoadedData d = MarketData.read(f, ReadOptions.defaults());
    assertThat(d.report().problems()).isEmpty();
    Bars b = d.series().get(0);
    assertThat(b.size()).isEqualTo(rows);
    assertThat(b.open()).isEqualTo(expected[0]);
    assertThat(b.high()).isEqualTo(expected[1]);
    assertThat(b.low()).isEqualTo(expected[2]);
    assertThat(b.close()).isEqualTo(expected[3]);
    assertThat(b.volume()).isEqualTo(expected[4]);
    assertThat(b.time()[rows - 1]).isEqualTo(t0 + 60_000L * (rows - 1));
  }
}
