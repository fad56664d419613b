package dev.quiver.model.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaLearningFamilyTest extends FamilyContract {

  static final MetaLearningFamily META = new MetaLearningFamily();

  @Override
  protected ModelFamily family() {
    return META;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"window", "windw"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"folds", "1"};
  }

  @Override
  protected FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    Map<String, String> fast = new java.util.HashMap<>(Map.of("bases", "logistic,ftrl,ridge", "folds", "3"));
    fast.putAll(overrides);
    return super.fit(variant, fast, train, valid, seed);
  }

  @Test
  void learns_a_regime_dependent_signal_routing_between_a_tree_and_a_linear_base() {
    // real bars and features; the label follows price_change while volatility_10 is above its
    // median and the opposite of it otherwise: a base that learned one rule is right in one regime
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 0.3, 21);
    int vol = d.featureNames().indexOf("volatility_10");
    float[] v = new float[d.rows()];
    for (int i = 0; i < d.rows(); i++) v[i] = d.x().get(i, vol);
    float[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    float median = sorted[sorted.length / 2];
    float[] y = d.y().clone();
    for (int i = 0; i < y.length; i++) if (v[i] <= median) y[i] = 1f - y[i];
    Fold f = new Holdout().fold(d);
    int from = f.trainTo() - 8000;
    TrainSet train = new TrainSet(d.x().rows(from, f.trainTo()), java.util.Arrays.copyOfRange(y, from, f.trainTo()));
    TrainSet test = new TrainSet(d.x().rows(f.testFrom(), f.testTo()), java.util.Arrays.copyOfRange(y, f.testFrom(), f.testTo()));
    MetaLearningModel m = (MetaLearningModel) fit("balanced", Map.of("bases", "ngboost,logistic", "folds", "2"), train, null, 3);
    MetaLearningModel.Routed routed = m.route(test.x(), test.y());
    assertThat(ClassificationMetrics.of(test.y(), routed.probabilities()).auc()).isGreaterThan(0.6);
    assertThat(m.bases()).containsExactly("ngboost", "logistic");
    // the linear base cannot express the sign flip, so the router prefers the tree base on most rows
    int toTrees = 0;
    for (int c : routed.choice()) if (c == 0) toTrees++;
    assertThat(toTrees).isGreaterThan(routed.choice().length / 2);
  }

  @Test
  void bases_must_be_known_binary_families_and_at_least_two() {
    assertThatThrownBy(() -> META.params("balanced", Map.of("bases", "logistic")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least two");
    assertThatThrownBy(() -> META.params("balanced", Map.of("bases", "logistic,ftrll")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'ftrl'?");
    assertThatThrownBy(() -> META.params("balanced", Map.of("bases", "logistic,meta_learning")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("itself");
  }

  @Test
  void rolling_accuracy_uses_only_outcomes_at_least_gap_rows_old() {
    RollingAccuracy acc = new RollingAccuracy(2, 1);
    assertThat(acc.current()).isEqualTo(0.5);
    acc.push(1);
    assertThat(acc.current()).isEqualTo(0.5); // the newest outcome is within the gap
    acc.push(0);
    assertThat(acc.current()).isEqualTo(1.0);
    acc.push(0);
    assertThat(acc.current()).isEqualTo(0.5);
    acc.push(Double.NaN);
    assertThat(acc.current()).isEqualTo(0.0);
    assertThat(new RollingAccuracy(2, 1, acc.recent()).current()).isEqualTo(acc.current());
  }
}
