package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MetricsTest {

  // The table worked by hand (threshold 0.5: predicted 1 when p >= 0.5):
  //   row  y  p    predicted  outcome
  //   0    1  0.9  1          TP
  //   1    0  0.8  1          FP
  //   2    1  0.7  1          TP
  //   3    1  0.5  1          TP
  //   4    0  0.5  1          FP
  //   5    0  0.3  0          TN
  //   6    1  0.2  0          FN
  //   7    0  0.1  0          TN
  // TP 3, FP 2, TN 2, FN 1: accuracy 5/8, precision 3/5, recall 3/4, F1 = 2 * 0.6 * 0.75 / 1.35 = 2/3.
  // AUC: positives {0.9, 0.7, 0.5, 0.2} against negatives {0.8, 0.5, 0.3, 0.1}:
  //   0.9 beats 4; 0.7 beats 3; 0.5 beats 2 and ties 1 (counts 1/2); 0.2 beats 1 -> U = 10.5, AUC = 10.5 / 16 = 0.65625.
  // log-loss: -(ln .9 + ln .2 + ln .7 + ln .5 + ln .5 + ln .7 + ln .2 + ln .9) / 8 = -(ln .9 + ln .2 + ln .7 + ln .5) / 4 = 0.6911551...
  static final float[] Y = {1, 0, 1, 1, 0, 0, 1, 0};
  static final double[] P = {0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.2, 0.1};

  @Test
  void classification_metrics_match_the_hand_worked_table() {
    ClassificationMetrics m = ClassificationMetrics.of(Y, P);
    assertThat(m.n()).isEqualTo(8);
    assertThat(m.accuracy()).isEqualTo(0.625);
    assertThat(m.precision()).isCloseTo(0.6, within(1e-15));
    assertThat(m.recall()).isEqualTo(0.75);
    assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(m.auc()).isEqualTo(0.65625);
    assertThat(m.logLoss()).isCloseTo(-(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.5)) / 4, within(1e-15));
    assertThat(m.logLoss()).isCloseTo(0.6911551, within(1e-7));
  }

  @Test
  void the_threshold_moves_the_predicted_class_but_not_auc_or_log_loss() {
    ClassificationMetrics m = ClassificationMetrics.of(Y, P, 0.6);
    // predicted 1 for rows 0, 1, 2 only: TP 2, FP 1, FN 2, TN 3
    assertThat(m.accuracy()).isEqualTo(5.0 / 8);
    assertThat(m.precision()).isEqualTo(2.0 / 3);
    assertThat(m.recall()).isEqualTo(0.5);
    assertThat(m.auc()).isEqualTo(0.65625);
    assertThat(m.logLoss()).isEqualTo(ClassificationMetrics.of(Y, P).logLoss());
  }

  @Test
  void undefined_precision_recall_and_f1_are_zero_and_auc_without_both_classes_is_nan() {
    ClassificationMetrics none = ClassificationMetrics.of(new float[] {1, 0, 1}, new double[] {0.1, 0.2, 0.3});
    assertThat(none.precision()).isZero(); // nothing predicted positive
    assertThat(none.recall()).isZero();
    assertThat(none.f1()).isZero();
    assertThat(none.auc()).isEqualTo(0.5); // 0.1 and 0.3 against 0.2: one win, one loss
    ClassificationMetrics onlyNegatives = ClassificationMetrics.of(new float[] {0, 0}, new double[] {0.7, 0.2});
    assertThat(onlyNegatives.recall()).isZero(); // no actual positives
    assertThat(onlyNegatives.auc()).isNaN();
    assertThat(ClassificationMetrics.of(new float[0], new double[0]).n()).isZero();
  }

  @Test
  void log_loss_clips_certain_wrong_predictions_to_1e15() {
    assertThat(ClassificationMetrics.of(new float[] {1}, new double[] {0.0}).logLoss()).isCloseTo(34.538776, within(1e-6)); // -ln(1e-15)
    // p = 1 for a negative is clipped to 1 - 1e-15, which in double leaves 1 - p = 1.11e-15, not 1e-15
    ClassificationMetrics m = ClassificationMetrics.of(new float[] {1, 0}, new double[] {0.0, 1.0});
    assertThat(m.logLoss()).isCloseTo((-Math.log(1e-15) - Math.log(1 - (1 - 1e-15))) / 2, within(1e-12));
    assertThat(ClassificationMetrics.of(new float[] {1, 0}, new double[] {1.0, 0.0}).logLoss()).isCloseTo(0.0, within(1e-14));
  }

  @Property(tries = 100)
  void auc_equals_the_share_of_positive_negative_pairs_ordered_right_with_ties_half(
      @ForAll @IntRange(min = 2, max = 400) int n, @ForAll @IntRange(min = 2, max = 50) int levels, @ForAll long seed) {
    Random rnd = new Random(seed);
    float[] y = new float[n];
    double[] p = new double[n];
    y[0] = 1;
    for (int i = 1; i < n; i++) y[i] = rnd.nextInt(3) == 0 ? 1 : 0;
    y[n - 1] = 0;
    for (int i = 0; i < n; i++) p[i] = rnd.nextInt(levels) / (double) levels; // few levels: many ties
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      if (y[i] != 1) continue;
      for (int j = 0; j < n; j++) {
        if (y[j] != 0) continue;
        pairs++;
        if (p[i] > p[j]) wins += 1;
        else if (p[i] == p[j]) wins += 0.5;
      }
    }
    assertThat(ClassificationMetrics.of(y, p).auc()).isCloseTo(wins / pairs, within(1e-12));
  }

  @Test
  void regression_metrics_match_a_hand_worked_case() {
    // errors pred - y: 0.01, 0.01, 0.01, -0.04 -> SS_res 0.0019, rmse sqrt(0.000475), mae 0.0175
    // mean y 0.005 -> SS_tot 0.0013 -> r2 = 1 - 0.0019 / 0.0013 = -0.4615...
    // direction right when (pred > 0) == (y > 0): rows 0 and 1 right; row 2 (y 0, pred 0.01) and row 3 wrong -> 0.5
    float[] y = {0.01f, -0.02f, 0.0f, 0.03f};
    double[] pred = {0.02, -0.01, 0.01, -0.01};
    RegressionMetrics m = RegressionMetrics.of(y, pred);
    assertThat(m.n()).isEqualTo(4);
    assertThat(m.rmse()).isCloseTo(Math.sqrt(0.000475), within(1e-8));
    assertThat(m.mae()).isCloseTo(0.0175, within(1e-8));
    assertThat(m.r2()).isCloseTo(1 - 0.0019 / 0.0013, within(1e-5));
    assertThat(m.directionalAccuracy()).isEqualTo(0.5);
    assertThat(RegressionMetrics.of(new float[] {1, 1}, new double[] {1, 2}).r2()).isNaN(); // constant y
  }

  @Test
  void brier_score_is_the_mean_squared_probability_error() {
    // (0.1^2 + 0.8^2 + 0.3^2 + 0.5^2 + 0.5^2 + 0.3^2 + 0.8^2 + 0.1^2) / 8 = 1.98 / 8 = 0.2475
    // python: sklearn.metrics.brier_score_loss(Y, P) = 0.24750000000000005
    assertThat(ClassificationMetrics.of(Y, P).brier()).isCloseTo(0.2475, within(1e-15));
    assertThat(ClassificationMetrics.of(new float[] {1, 0}, new double[] {1.0, 0.0}).brier()).isZero();
    assertThat(ClassificationMetrics.of(new float[0], new double[0]).brier()).isNaN();
  }

  @Test
  void pinball_loss_weights_under_and_over_forecasts_by_tau() {
    // y - q = 0.01, -0.02, -0.01, 0.02, 0.015: outcomes above the forecast sum to 0.045, below to 0.03
    //   tau 0.1: (0.1 * 0.045 + 0.9 * 0.03) / 5 = 0.0063;  tau 0.9: (0.9 * 0.045 + 0.1 * 0.03) / 5 = 0.0087
    //   tau 0.5: half the mean absolute error, 0.075 / 5 / 2 = 0.0075; coverage (y <= q): rows 1 and 2 -> 0.4
    // python (y as float32, as here): sklearn.metrics.mean_pinball_loss(y, q, alpha=0.1) = 0.006299999894946814
    float[] y = {0.01f, -0.02f, 0.0f, 0.03f, 0.015f};
    double[] q = {0.0, 0.0, 0.01, 0.01, 0.0};
    assertThat(QuantileMetrics.of(y, q, 0.1).pinballLoss()).isCloseTo(0.006299999894946814, within(1e-15));
    assertThat(QuantileMetrics.of(y, q, 0.1).pinballLoss()).isCloseTo(0.0063, within(1e-9));
    assertThat(QuantileMetrics.of(y, q, 0.9).pinballLoss()).isCloseTo(0.0087, within(1e-9));
    assertThat(QuantileMetrics.of(y, q, 0.5).pinballLoss()).isCloseTo(0.0075, within(1e-9));
    assertThat(QuantileMetrics.of(y, q, 0.5).coverage()).isEqualTo(0.4);
    assertThat(QuantileMetrics.of(new float[0], new double[0], 0.5).pinballLoss()).isNaN();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuantileMetrics.of(y, q, 1.0)).hasMessageContaining("tau");
  }
}
