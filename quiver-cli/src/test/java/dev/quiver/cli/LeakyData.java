package dev.quiver.cli;

import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.SourceInfo;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Real futures minute bars with a planted column {@code leak}: each bar's NEXT bar's return. */
final class LeakyData {

  private LeakyData() {}

  static Path write(Path dir) {
    Bars b = TestData.futures("IFL8.cfe").slice(0, 6_000);
    double[] close = b.close();
    double[] leak = new double[close.length];
    for (int i = 0; i + 1 < close.length; i++) leak[i] = close[i + 1] / close[i] - 1;
    Bars withLeak = new Bars(b.symbol(), b.timeframe(), b.time(), b.open(), b.high(), b.low(), close, b.volume(), Map.of("leak", leak));
    Path file = dir.resolve("leaky.csv");
    MarketData.write(List.of(withLeak), file, SourceInfo.standard(b.timeframe()));
    return file;
  }
}
