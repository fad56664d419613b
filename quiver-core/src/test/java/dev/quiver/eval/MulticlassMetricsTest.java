package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Predictions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MulticlassMetricsTest {

  /**
   * Worked by hand. Labels 0, 1, 2, 2; probabilities per row (down, flat, up):
   * r0 (.7 .2 .1) -> 0 right; r1 (.2 .5 .3) -> 1 right; r2 (.1 .3 .6) -> 2 right; r3 (.4 .4 .2) -> a tie
   * of 0 and 1, the lowest id 0: wrong. Accuracy 3/4.
   * F1: class 0 precision 1/2 (r0, r3 predicted), recall 1/1 -> 2/3; class 1: 1; class 2 precision 1/1,
   * recall 1/2 -> 2/3; macro (2/3 + 1 + 2/3) / 3 = 7/9.
   * Log-loss: -(ln .7 + ln .5 + ln .6 + ln .2) / 4.
   * One-vs-rest AUC: class 0 (.7 above .2 .1 .4) 1; class 1 (.5 above .2 .3 .4) 1; class 2 positives .6 .2
   * against .1 .3: 3 of 4 pairs won -> 0.75; macro (1 + 1 + 0.75) / 3.
   */
  static final float[] Y = {0, 1, 2, 2};
  static final double[] P = {.7, .2, .1, .2, .5, .3, .1, .3, .6, .4, .4, .2};

  @Test
  void a_three_class_example_worked_by_hand() {
    MulticlassMetrics m = MulticlassMetrics.of(Y, P, 3);
    assertThat(m.n()).isEqualTo(4);
    assertThat(m.accuracy()).isEqualTo(0.75);
    assertThat(m.macroF1()).isCloseTo(7.0 / 9, within(1e-15));
    assertThat(m.logLoss()).isCloseTo(-(Math.log(.7) + Math.log(.5) + Math.log(.6) + Math.log(.2)) / 4, within(1e-15));
    assertThat(m.macroAuc()).isCloseTo(2.75 / 3, within(1e-15));
  }

  @Test
  void a_class_absent_from_labels_and_predictions_is_left_out_of_the_macro_averages() {
    // labels 0, 0, 2; predicted 0, 2, 2; class 1 appears nowhere
    float[] y = {0, 0, 2};
    double[] p = {.8, .1, .1, .3, .1, .6, .2, .2, .6};
    MulticlassMetrics m = MulticlassMetrics.of(y, p, 3);
    // class 0: precision 1/1, recall 1/2 -> 2/3; class 2: precision 1/2, recall 1/1 -> 2/3
    assertThat(m.macroF1()).isCloseTo(2.0 / 3, within(1e-15));
    // class 0: positives .8 .3 against .2: 1; class 2: positive .6 against .1 .6: (1 + 0.5) / 2
    assertThat(m.macroAuc()).isCloseTo((1 + 0.75) / 2, within(1e-15));
  }

  @Test
  void the_leaderboard_metrics_of_multiclass_predictions_use_the_score_for_ic() {
    Predictions p = Predictions.multiclass(P, 3);
    assertThat(p.values()).containsExactly(.1 - .7, .3 - .2, .6 - .1, .2 - .4);
    double[] realised = {-0.01, 0.0, 0.02, -0.005};
    Map<String, Double> m = ExperimentRunner.multiclassMetrics(Y, p, realised);
    assertThat(m.keySet()).containsExactly("accuracy", "macro_f1", "log_loss", "auc", "ic");
    assertThat(m.get("auc")).isCloseTo(2.75 / 3, within(1e-15));
    // scores rank -0.6, 0.1, 0.5, -0.2 and returns rank -0.01, 0, 0.02, -0.005 the same: Spearman 1
    assertThat(m.get("ic")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void bad_labels_and_shapes_are_refused() {
    assertThatThrownBy(() -> MulticlassMetrics.of(new float[] {0, 3}, new double[6], 3)).hasMessageContaining("not a class id 0..2");
    assertThatThrownBy(() -> MulticlassMetrics.of(new float[] {0, 1.5f}, new double[6], 3)).hasMessageContaining("row 1");
    assertThatThrownBy(() -> MulticlassMetrics.of(Y, new double[5], 3)).hasMessageContaining("5 probabilities");
  }

  @Test
  void the_score_band_rule_is_long_above_the_band_short_below_minus_it_and_flat_on_its_edges() {
    PositionRule.ScoreBand rule = new PositionRule.ScoreBand(0.1);
    assertThat(rule.position(0.5)).isEqualTo(1.0);
    assertThat(rule.position(0.1)).isEqualTo(0.0);
    assertThat(rule.position(-0.1)).isEqualTo(0.0);
    assertThat(rule.position(-0.3)).isEqualTo(-1.0);
    assertThatThrownBy(() -> new PositionRule.ScoreBand(1.0)).isInstanceOf(IllegalArgumentException.class);
  }
}
