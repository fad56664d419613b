package dev.quiver.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DynamicCombinerTest {

  static final List<String> MODELS = List.of("trend", "reversion", "coin");

  /**
   * One bar of a simulated market: each model calls up or down with confidence 0.6/0.4 and is
   * right with its own hit rate; the results are fed back. Returns the combiner's weights before
   * the update.
   */
  static double[] bar(DynamicCombiner c, Random rnd, int regime, double[] hitRate) {
    boolean up = rnd.nextBoolean();
    double[] p = new double[MODELS.size()];
    boolean[] right = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      right[i] = rnd.nextDouble() < hitRate[i];
      boolean callsUp = right[i] == up;
      p[i] = callsUp ? 0.6 : 0.4;
    }
    double[] w = c.weights(regime, MODELS, p);
    c.combine(regime, p);
    for (int i = 0; i < p.length; i++) c.updatePerformance(MODELS.get(i), right[i], right[i] ? 12.0 : -10.0, regime);
    return w;
  }

  @Test
  void weights_move_to_the_model_that_wins_after_a_regime_switch() {
    DynamicCombiner c = new DynamicCombiner(MODELS, 1, DynamicCombiner.Settings.DEFAULT);
    Random rnd = new Random(1);
    double[] w = null;
    for (int t = 0; t < 300; t++) w = bar(c, rnd, 0, new double[] {0.7, 0.4, 0.5});
    assertThat(w[0]).isGreaterThan(w[1]).isGreaterThan(0.5);
    double trendBefore = w[0];
    for (int t = 0; t < 300; t++) w = bar(c, rnd, 0, new double[] {0.4, 0.7, 0.5});
    assertThat(w[1]).isGreaterThan(w[0]).isGreaterThan(0.5);
    assertThat(w[0]).isLessThan(trendBefore);
    assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void each_regime_keeps_its_own_record() {
    DynamicCombiner c = new DynamicCombiner(MODELS, 2, DynamicCombiner.Settings.DEFAULT);
    Random rnd = new Random(2);
    for (int t = 0; t < 400; t++) {
      int regime = (t / 50) % 2;
      bar(c, rnd, regime, regime == 0 ? new double[] {0.7, 0.4, 0.5} : new double[] {0.4, 0.7, 0.5});
    }
    double[] neutral = {0.5, 0.5, 0.5};
    double[] calm = c.weights(0, MODELS, neutral);
    double[] wild = c.weights(1, MODELS, neutral);
    assertThat(calm[0]).isGreaterThan(calm[1]);
    assertThat(wild[1]).isGreaterThan(wild[0]);
    double[] before = c.weights(0, MODELS, neutral);
    c.updatePerformance("trend", false, -50, 1);
    assertThat(c.weights(0, MODELS, neutral)).containsExactly(before);
  }

  @Test
  void a_model_against_a_confident_majority_that_has_been_right_loses_weight() {
    DynamicCombiner.Settings d = DynamicCombiner.Settings.DEFAULT;
    List<String> five = List.of("a", "b", "c", "d", "e");
    DynamicCombiner c = new DynamicCombiner(five, 1, d);
    DynamicCombiner noPenalty = new DynamicCombiner(five, 1,
        new DynamicCombiner.Settings(d.decay(), d.prior(), d.winSharpness(), d.profitSharpness(), d.profitScaleBps(), 0.0, d.confidence(), d.center()));
    // the four agree and are right 60% of the time; e always takes the other side
    Random rnd = new Random(3);
    for (int t = 0; t < 200; t++) {
      boolean right = rnd.nextDouble() < 0.6;
      for (DynamicCombiner x : List.of(c, noPenalty)) {
        x.combine(0, new double[] {0.7, 0.7, 0.7, 0.7, 0.3});
        for (int i = 0; i < 4; i++) x.updatePerformance(i, right, 0, 0);
        x.updatePerformance(4, !right, 0, 0);
      }
    }
    double[] p = {0.7, 0.7, 0.7, 0.7, 0.3};
    double[] with = c.weights(0, five, p);
    double[] without = noPenalty.weights(0, five, p);
    assertThat(with[4]).isLessThan(without[4] * 0.9);
    // agreeing with the majority costs nothing
    double[] agreeing = c.weights(0, five, new double[] {0.7, 0.7, 0.7, 0.7, 0.7});
    double[] agreeingNoPenalty = noPenalty.weights(0, five, new double[] {0.7, 0.7, 0.7, 0.7, 0.7});
    assertThat(agreeing[4]).isCloseTo(agreeingNoPenalty[4], within(1e-12));
  }

  @Test
  void state_saved_as_json_is_restored_exactly_and_goes_on_identically() {
    DynamicCombiner c = new DynamicCombiner(MODELS, 2, DynamicCombiner.Settings.DEFAULT);
    Random rnd = new Random(4);
    for (int t = 0; t < 137; t++) bar(c, rnd, t % 2, new double[] {0.62, 0.47, 0.55});
    String json = c.toJson();
    DynamicCombiner back = DynamicCombiner.fromJson(json, "combiner.json");
    assertThat(back.toJson()).isEqualTo(json);
    Random r1 = new Random(5);
    Random r2 = new Random(5);
    for (int t = 0; t < 50; t++) {
      assertThat(bar(back, r2, t % 2, new double[] {0.4, 0.6, 0.5})).containsExactly(bar(c, r1, t % 2, new double[] {0.4, 0.6, 0.5}));
    }
    assertThat(back.toJson()).isEqualTo(c.toJson());
    assertThatThrownBy(() -> DynamicCombiner.fromJson("{\"models\":[\"a\"]}", "combiner.json"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("combiner.json");
  }

  @Test
  void unknown_models_and_regimes_are_refused() {
    DynamicCombiner c = new DynamicCombiner(MODELS, 2, DynamicCombiner.Settings.DEFAULT);
    assertThatThrownBy(() -> c.updatePerformance("trnd", true, 1, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'trend'");
    assertThatThrownBy(() -> c.combine(2, new double[3])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regime 2");
  }
}
