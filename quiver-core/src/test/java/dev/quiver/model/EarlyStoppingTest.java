package dev.quiver.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  /** Scores a fixed sequence: iteration k (1-based) scores train[k-1] and valid[k-1]; growth ends after the arrays. */
  static class Scripted implements EarlyStopping.Rounds<RuntimeException> {
    final double[] train;
    final double[] valid;
    int added;

    Scripted(double[] train, double[] valid) {
      this.train = train;
      this.valid = valid;
    }

    @Override
    public boolean add() {
      if (added == train.length) return false;
      added++;
      return true;
    }

    @Override
    public double trainScore() {
      return train[added - 1];
    }

    @Override
    public double validationScore() {
      return valid[added - 1];
    }
  }

  static final double[] TRAIN = {0.69, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25};
  static final double[] LOSS = {0.69, 0.65, 0.64, 0.66, 0.645, 0.67, 0.68, 0.7};

  @Test
  void a_loss_stops_after_patience_iterations_without_a_better_score_and_keeps_the_best() {
    Scripted s = new Scripted(TRAIN, LOSS);
    LearningCurve c = EarlyStopping.run("l2", false, 100, 3, true, TrainContext.of(1, 1), s);
    assertThat(c.bestIteration()).isEqualTo(3);
    assertThat(c.iterations()).isEqualTo(6);
    assertThat(s.added).isEqualTo(6);
    assertThat(c.train()).containsExactly(0.69, 0.6, 0.5, 0.45, 0.4, 0.35);
    assertThat(c.validation()).containsExactly(0.69, 0.65, 0.64, 0.66, 0.645, 0.67);
    assertThat(c.bestValidationScore()).isEqualTo(0.64);
  }

  @Test
  void a_score_where_higher_is_better_keeps_the_first_of_equal_bests() {
    double[] auc = {0.5, 0.6, 0.6, 0.55, 0.58, 0.59};
    LearningCurve c = EarlyStopping.run("auc", true, 100, 3, true, TrainContext.of(1, 1), new Scripted(TRAIN, auc));
    assertThat(c.bestIteration()).isEqualTo(2);
    assertThat(c.iterations()).isEqualTo(5);
    assertThat(c.higherIsBetter()).isTrue();
  }

  @Test
  void without_validation_or_patience_every_iteration_up_to_the_limit_runs_and_the_last_is_kept() {
    LearningCurve none = EarlyStopping.run("l2", false, 5, 3, false, TrainContext.of(1, 1), new Scripted(TRAIN, LOSS));
    assertThat(none.iterations()).isEqualTo(5);
    assertThat(none.bestIteration()).isEqualTo(5);
    assertThat(none.validation()).isEmpty();
    assertThat(none.bestValidationScore()).isNull();
    LearningCurve noPatience = EarlyStopping.run("l2", false, 100, 0, true, TrainContext.of(1, 1), new Scripted(TRAIN, LOSS));
    assertThat(noPatience.iterations()).isEqualTo(8);
    assertThat(noPatience.bestIteration()).isEqualTo(8);
    assertThat(noPatience.validation()).hasSize(8);
  }

  @Test
  void a_model_that_cannot_grow_ends_the_loop_and_a_cancel_keeps_what_was_built() {
    LearningCurve short_ = EarlyStopping.run("l2", false, 100, 0, false, TrainContext.of(1, 1), new Scripted(new double[] {0.5, 0.4}, null));
    assertThat(short_.iterations()).isEqualTo(2);
    Cancellation cancel = new Cancellation();
    Scripted s = new Scripted(TRAIN, LOSS) {
      @Override
      public boolean add() {
        if (added == 2) cancel.request();
        return super.add();
      }
    };
    LearningCurve c = EarlyStopping.run("l2", false, 100, 3, true, new TrainContext(1, 1, Progress.NONE, cancel), s);
    assertThat(c.iterations()).isEqualTo(3);
    assertThat(c.bestIteration()).isEqualTo(3);
  }

  @Test
  void nan_validation_scores_never_win_and_then_every_iteration_is_kept() {
    double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    LearningCurve c = EarlyStopping.run("auc", true, 4, 2, true, TrainContext.of(1, 1), new Scripted(TRAIN, nan));
    assertThat(c.iterations()).isEqualTo(4);
    assertThat(c.bestIteration()).isEqualTo(4);
    assertThat(c.bestValidationScore()).isNull();
  }

  @Test
  void iterations_beyond_the_initial_capacity_are_all_recorded() {
    int n = 3000;
    double[] train = new double[n];
    double[] valid = new double[n];
    for (int i = 0; i < n; i++) {
      train[i] = 1.0 / (i + 1);
      valid[i] = 1.0 / (i + 1);
    }
    LearningCurve c = EarlyStopping.run("l2", false, n, 10, true, TrainContext.of(1, 1), new Scripted(train, valid));
    assertThat(c.iterations()).isEqualTo(n);
    assertThat(c.validation()[n - 1]).isEqualTo(1.0 / n);
    assertThat(c.bestIteration()).isEqualTo(n);
  }

  @Test
  void a_learning_curve_round_trips_through_json_and_copies_its_arrays() throws Exception {
    LearningCurve c = EarlyStopping.run("l2", false, 100, 3, true, TrainContext.of(1, 1), new Scripted(TRAIN, LOSS));
    String json = Json.MAPPER.writeValueAsString(c);
    assertThat(Json.MAPPER.readValue(json, LearningCurve.class)).isEqualTo(c);
    assertThat(json).doesNotContain("iterations").doesNotContain("bestValidationScore");
    c.train()[0] = 42;
    assertThat(c.train()[0]).isEqualTo(0.69);
  }
}
