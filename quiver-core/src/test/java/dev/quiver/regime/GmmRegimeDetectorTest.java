package dev.quiver.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GmmRegimeDetectorTest {

  static final Bars BARS = TestData.futures(PlantedFutures.SYMBOL);
  static final int WINDOW = 30;
  static final GmmRegimeDetector DETECTOR = GmmRegimeDetector.fit(BARS, 0, 6000, WINDOW, 4);

  /** {@code bars} with every close from {@code cut} on multiplied by a random factor: a different future. */
  static Bars otherFuture(Bars bars, int cut, long seed) {
    double[] close = bars.close().clone();
    Random rnd = new Random(seed);
    for (int i = cut; i < close.length; i++) close[i] *= Math.exp(0.01 * rnd.nextGaussian());
    return new Bars(bars.symbol(), bars.timeframe(), bars.time(), bars.open(), bars.high(), bars.low(), close, bars.volume());
  }

  @Property(tries = 12)
  void changing_the_future_never_changes_past_regimes(@ForAll @IntRange(min = 6000, max = 30_000) int cut, @ForAll long seed) {
    int[] before = DETECTOR.labels(BARS);
    int[] after = DETECTOR.labels(otherFuture(BARS, cut, seed));
    assertThat(Arrays.copyOf(after, cut)).isEqualTo(Arrays.copyOf(before, cut));
  }

  @Property(tries = 2)
  void a_fit_reads_only_its_own_segment(@ForAll @IntRange(min = 6000, max = 30_000) int cut, @ForAll long seed) {
    GmmRegimeDetector other = GmmRegimeDetector.fit(otherFuture(BARS, cut, seed), 0, 6000, WINDOW, 4);
    assertThat(other.toJson()).isEqualTo(DETECTOR.toJson());
  }

  @Test
  void bic_picks_several_regimes_numbered_from_calm_to_wild() {
    assertThat(DETECTOR.regimes()).isBetween(2, 4);
    double[] vol = DETECTOR.volatility();
    for (int j = 1; j < vol.length; j++) assertThat(vol[j]).isGreaterThan(vol[j - 1]);
    // the realised volatility of bars labelled with the wildest regime exceeds that of the calmest
    double[][] f = RegimeFeatures.compute(BARS, WINDOW);
    int[] labels = DETECTOR.labels(f);
    double[] sum = new double[DETECTOR.regimes()];
    int[] count = new int[DETECTOR.regimes()];
    for (int i = 6000; i < 20_000; i++) {
      if (labels[i] < 0) continue;
      sum[labels[i]] += f[i][RegimeFeatures.VOLATILITY];
      count[labels[i]]++;
    }
    int last = DETECTOR.regimes() - 1;
    assertThat(count[0]).isPositive();
    assertThat(count[last]).isPositive();
    assertThat(sum[last] / count[last]).isGreaterThan(2 * sum[0] / count[0]);
    assertThat(Arrays.copyOf(labels, WINDOW)).containsOnly(GmmRegimeDetector.UNKNOWN);
  }

  @Test
  void refits_on_overlapping_segments_give_mostly_the_same_labels() {
    double[][] f = RegimeFeatures.compute(BARS, WINDOW);
    GmmRegimeDetector a = GmmRegimeDetector.fit(f, 0, 8000, WINDOW, 3, 3);
    GmmRegimeDetector b = GmmRegimeDetector.fit(f, 1000, 9000, WINDOW, 3, 3);
    int[] la = a.labels(f);
    int[] lb = b.labels(f);
    int same = 0;
    int n = 0;
    for (int i = 9000; i < 15_000; i++) {
      if (la[i] < 0) continue;
      n++;
      if (la[i] == lb[i]) same++;
    }
    assertThat((double) same / n).isGreaterThan(0.8);
  }

  @Test
  void the_detector_round_trips_through_json_exactly() {
    GmmRegimeDetector back = GmmRegimeDetector.fromJson(DETECTOR.toJson(), "regimes.json");
    assertThat(back.toJson()).isEqualTo(DETECTOR.toJson());
    assertThat(back.labels(BARS)).isEqualTo(DETECTOR.labels(BARS));
  }
}
