package dev.quiver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import org.junit.jupiter.api.Test;

class TestDataTest {

  @Test
  void futures_file_holds_three_symbols_of_48000_minute_bars() {
    assertThat(TestData.futures()).extracting(Bars::symbol).containsExactly("ICL8.cfe", "IFL8.cfe", "IML8.cfe");
    assertThat(TestData.futures()).allSatisfy(b -> assertThat(b.size()).isEqualTo(48_000));
  }

  @Test
  void bitstamp_trades_make_about_9400_minute_bars() {
    Bars b = TestData.bitstampMinuteBars();
    assertThat(b.size()).isBetween(9_000, 10_000);
    for (int i = 1; i < b.size(); i++) assertThat(b.time()[i]).isGreaterThan(b.time()[i - 1]);
  }
}
