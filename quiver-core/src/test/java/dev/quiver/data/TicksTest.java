package dev.quiver.data;

import static dev.quiver.data.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trades aggregated to 1-minute bars. */
class TicksTest {

  @TempDir Path dir;

  private Path bitstamp() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(TestData.BITSTAMP_RESOURCE)) {
      Path p = dir.resolve(TestData.BITSTAMP_RESOURCE);
      Files.copy(in, p);
      return p;
    }
  }

  @Test
  void bitstamp_trades_aggregate_to_the_oracle_minute_bars() throws IOException {
    LoadedData d = MarketData.read(bitstamp(), ReadOptions.defaults().withDefaultSymbol("BTCUSD"));
    Bars oracle = TestData.bitstampMinuteBars();
    assertThat(d.source().ticks()).isTrue();
    assertThat(d.source().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_SECONDS);
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.M1);
    assertThat(d.source().mapping().price()).isEqualTo("price");
    assertThat(d.source().mapping().amount()).isEqualTo("amount");
    assertThat(d.series()).hasSize(1);
    Bars b = d.series().get(0);
    assertThat(b.symbol()).isEqualTo("BTCUSD");
    assertThat(b.time()).isEqualTo(oracle.time());
    assertThat(b.open()).isEqualTo(oracle.open());
    assertThat(b.high()).isEqualTo(oracle.high());
    assertThat(b.low()).isEqualTo(oracle.low());
    assertThat(b.close()).isEqualTo(oracle.close());
    assertThat(b.volume()).isEqualTo(oracle.volume());
    assertThat(d.report().clean()).isTrue();
    assertThat(d.report().rowsRead()).isEqualTo(TestData.bitstampTrades()[0].length);
    assertThat(d.report().notes()).anyMatch(n -> n.endsWith("one-minute bars"));
  }

  @Test
  void minutes_without_trades_get_no_bar_and_bars_are_stamped_with_the_minute_open() {
    LoadedData d = MarketData.read(text(dir, "trades.csv", """
        timestamp,price,volume,symbol
        2024-01-02T01:30:05Z,100,1,X
        2024-01-02T01:30:59.999Z,102,2,X
        2024-01-02T01:30:30Z,99,1,Y
        2024-01-02T01:33:00Z,101,0.5,X
        """), ReadOptions.defaults());
    Bars x = d.series("X");
    assertThat(x.time()).containsExactly(TestFiles.ms("2024-01-02T01:30:00Z"), TestFiles.ms("2024-01-02T01:33:00Z"));
    assertThat(x.open()).containsExactly(100.0, 101.0);
    assertThat(x.high()).containsExactly(102.0, 101.0);
    assertThat(x.low()).containsExactly(100.0, 101.0);
    assertThat(x.close()).containsExactly(102.0, 101.0);
    assertThat(x.volume()).containsExactly(3.0, 0.5);
    assertThat(d.series("Y").size()).isEqualTo(1);
  }

  @Test
  void trades_going_back_in_time_and_bad_prices_are_reported() {
    LoadedData d = MarketData.read(text(dir, "trades.csv", """
        timestamp,price,amount
        1704159005,100,1
        1704159005,101,1
        1704159001,99,1
        1704159010,0,1
        1704159011,100,-1
        """), ReadOptions.defaults().withPolicy(Policy.DROP));
    assertThat(d.report().problems()).extracting(p -> p.rule())
        .containsExactly("timestamp_not_increasing", "non_positive_price", "negative_volume");
    assertThat(d.report().problems()).extracting(p -> p.where().column()).containsExactly("timestamp", "price", "amount");
    Bars b = d.series().get(0);
    assertThat(b.close()).containsExactly(101.0);
    assertThat(b.volume()).containsExactly(2.0);
  }

  @Test
  void trades_without_a_size_column_give_bars_without_volume() {
    LoadedData d = MarketData.read(text(dir, "px.csv", """
        timestamp,price
        1704159005,100
        1704159065,101
        """), ReadOptions.defaults());
    assertThat(d.series().get(0).hasVolume()).isFalse();
    assertThat(d.report().notes()).anyMatch(n -> n.contains("no volume column"));
  }
}
