package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.testing.TestData;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCliTest {

  @TempDir
  Path dir;

  @Test
  void writes_timestamp_symbol_and_the_features_in_the_order_asked_in_full_precision() throws Exception {
    Path out = dir.resolve("features.csv");
    Cli r = Cli.run("features", TestData.file(TestData.FUTURES_1M).toString(), "--timeframe", "1m", "--set", "seed12,ema_26,atr_14", "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    FeatureSet set = FeatureSet.parse("seed12,ema_26,atr_14", Set.of());
    Bars ic = TestData.futures("ICL8.cfe");
    FeatureFrame expected = set.compute(ic);
    try (BufferedReader in = Files.newBufferedReader(out)) {
      String header = in.readLine();
      assertThat(header).isEqualTo("timestamp,symbol," + String.join(",", set.names()));
      assertThat(set.names().subList(0, 12)).containsExactly("price_change", "high_low_ratio", "open_close_ratio", "ma_5", "ma_10",
          "ma_20", "volatility_5", "volatility_10", "volume_ma_5", "volume_ratio", "rsi", "macd");
      for (int i = 0; i < 100; i++) {
        String[] f = in.readLine().split(",", -1);
        assertThat(f[0]).isEqualTo(java.time.Instant.ofEpochMilli(ic.time()[i]).toString());
        assertThat(f[1]).isEqualTo("ICL8.cfe");
        for (int j = 0; j < set.names().size(); j++) {
          double want = expected.columns().get(j)[i];
          if (Double.isNaN(want)) assertThat(f[j + 2]).isEmpty();
          else assertThat(Double.parseDouble(f[j + 2])).isEqualTo(want);
        }
      }
    }
    assertThat(Files.lines(out).count()).isEqualTo(1 + 144_000);
  }

  @Test
  void higher_timeframes_add_columns_named_feature_at_timeframe() throws Exception {
    Path out = dir.resolve("mtf.csv.gz");
    Cli r = Cli.run("features", TestData.file(TestData.FUTURES_1M).toString(), "--set", "rsi_14", "--higher-timeframes", "5m,1h", "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(out))))) {
      assertThat(in.readLine()).isEqualTo("timestamp,symbol,rsi_14,rsi_14@5m,rsi_14@1h");
    }
  }

  @Test
  void unknown_feature_exits_2_with_a_suggestion() {
    Cli r = Cli.run("features", TestData.file(TestData.FUTURES_1M).toString(), "--set", "seed12,rsj_14", "--output", dir.resolve("f.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("rsj_14");
    assertThat(dir.resolve("f.csv")).doesNotExist();
  }

  @Test
  void every_seed12_value_written_parses_back_to_the_computed_double() throws Exception {
    Path out = dir.resolve("seed12.csv");
    assertThat(Cli.run("features", TestData.file(TestData.FUTURES_1M).toString(), "--output", out.toString()).exit()).isZero();
    List<String> lines = Files.readAllLines(out);
    FeatureFrame frame = FeatureSet.parse("seed12", Set.of()).compute(TestData.futures("ICL8.cfe"));
    for (int i = 0; i < 48_000; i += 997) {
      String[] f = lines.get(i + 1).split(",", -1);
      for (int j = 0; j < 12; j++) assertThat(Double.parseDouble(f[j + 2])).isCloseTo(frame.columns().get(j)[i], within(0.0));
    }
  }
}
