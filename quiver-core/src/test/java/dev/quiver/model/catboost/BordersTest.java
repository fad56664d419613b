package dev.quiver.model.catboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BordersTest {

  @Test
  void few_distinct_values_get_a_border_between_every_pair() {
    float[] b = Borders.of(new float[] {3, 1, 2, 1, Float.NaN, 3}, 254);
    assertThat(b).containsExactly(1.5f, 2.5f);
    assertThat(Borders.of(new float[] {4, 4, 4}, 254)).isEmpty();
  }

  @Test
  void many_values_get_at_most_border_count_strictly_ascending_equal_frequency_borders() {
    Random rnd = new Random(3);
    float[] v = new float[20_000];
    for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
    float[] b = Borders.of(v, 31);
    assertThat(b).hasSize(31);
    for (int i = 1; i < b.length; i++) assertThat(b[i]).isGreaterThan(b[i - 1]);
    int[] count = new int[32];
    for (float x : v) count[Borders.bin(b, x)]++;
    for (int c : count) assertThat(c).isBetween(500, 760); // 20000 / 32 = 625 each
  }

  @Test
  void a_bin_is_above_s_exactly_when_the_value_is_above_border_s() {
    Random rnd = new Random(4);
    float[] v = new float[3000];
    for (int i = 0; i < v.length; i++) v[i] = rnd.nextInt(10) == 0 ? Float.NaN : (float) Math.rint(rnd.nextGaussian() * 20);
    float[] b = Borders.of(v, 254);
    byte[] bins = Borders.bins(b, v);
    for (int i = 0; i < v.length; i++) {
      for (int s = 0; s < b.length; s++) assertThat((bins[i] & 0xFF) > s).isEqualTo(v[i] > b[s]);
    }
    assertThat(Borders.bin(b, Float.NaN)).isZero();
  }
}
