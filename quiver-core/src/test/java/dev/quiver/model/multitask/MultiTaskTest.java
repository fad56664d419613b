package dev.quiver.model.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.Labelers;
import dev.quiver.model.Durability;
import dev.quiver.model.FitInfo;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Predictions;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.ngboost.NgBoostModel;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTaskTest {

  static final List<String> LABELS = List.of("tth:30,0.002", "mdd:30", "mfe:30");
  /** Scale-free features: price levels (the moving averages) would let trees split on the era. */
  static final String FEATURES = "price_change,high_low_ratio,volatility_5,volatility_10,volume_ratio,rsi";
  private Map<String, Dataset> data;
  private final Map<String, TrainSet> train = new LinkedHashMap<>();
  private final Map<String, TrainSet> valid = new LinkedHashMap<>();
  private final Map<String, TrainSet> test = new LinkedHashMap<>();
  private MultiTaskModel model;

  @BeforeAll
  void fit() {
    data = MultiTaskData.build(List.of(TestData.futures(PlantedFutures.SYMBOL)), FeatureSet.parse(FEATURES, List.of()),
        LABELS.stream().map(Labelers::parse).toList());
    for (Map.Entry<String, Dataset> e : data.entrySet()) {
      Fold f = new Holdout().fold(e.getValue());
      train.put(e.getKey(), e.getValue().trainSet(f.trainFrom(), f.trainTo()));
      valid.put(e.getKey(), e.getValue().trainSet(f.validFrom(), f.validTo()));
      test.put(e.getKey(), e.getValue().trainSet(f.testFrom(), f.testTo()));
    }
    ModelFamilies families = ModelFamilies.discover();
    model = new MultiTaskTrainer(families.get(MultiTaskTrainer.DEFAULT_BASE), "conservative", Map.of("n_estimators", "80"))
        .fit(train, valid, TrainContext.of(1, 5), FitInfo.of("conservative"));
  }

  @Test
  void one_model_per_target_predicts_drawdown_and_excursion_better_than_their_mean() {
    assertThat(model.targets()).containsExactlyElementsOf(LABELS);
    assertThat(model.baseFamily()).isEqualTo("ngboost");
    for (String target : List.of("mdd:30", "mfe:30", "tth:30,0.002")) {
      TrainSet t = test.get(target);
      Predictions p = model.predict(t.x()).get(target);
      // volatility clusters: recent range and volatility features forecast the size of the path ahead
      double r2 = RegressionMetrics.of(t.y(), p.values()).r2();
      assertThat(r2).as(target).isGreaterThan(0.05);
    }
    NgBoostModel mdd = (NgBoostModel) model.model("mdd:30");
    for (double s : mdd.forecast(test.get("mdd:30").x()).std()) assertThat(s).isPositive();
    assertThat(mdd.provenance().fold()).isEqualTo("mdd:30");
  }

  @Test
  void each_target_keeps_its_own_rows_and_label_ends() {
    assertThat(data.get("mdd:30").featureNames()).isEqualTo(data.get("tth:30,0.002").featureNames());
    Dataset tth = data.get("tth:30,0.002");
    Dataset mdd = data.get("mdd:30");
    int earlier = 0;
    for (int i = 0; i < Math.min(tth.rows(), mdd.rows()); i++) {
      assertThat(mdd.labelEnd()[i]).isGreaterThanOrEqualTo(tth.labelEnd()[i]); // a hit ends the tth label early
      if (tth.labelEnd()[i] < mdd.labelEnd()[i]) earlier++;
    }
    assertThat(earlier).isPositive();
  }

  @Test
  void a_saved_multitask_model_loads_to_bit_identical_predictions_per_target(@TempDir Path tmp) {
    Path dir = tmp.resolve("mt");
    model.save(dir, Durability.NO_FSYNC);
    MultiTaskModel loaded = MultiTaskModel.load(dir, ModelFamilies.discover());
    assertThat(loaded.targets()).isEqualTo(model.targets());
    TrainSet t = test.get("mfe:30");
    Map<String, Predictions> a = model.predict(t.x());
    Map<String, Predictions> b = loaded.predict(t.x());
    for (String target : LABELS) assertThat(b.get(target).values()).isEqualTo(a.get(target).values());
  }

  @Test
  void a_base_family_that_cannot_fit_the_targets_task_is_refused_before_fitting() {
    ModelFamilies families = ModelFamilies.discover();
    assertThatThrownBy(() -> new MultiTaskTrainer(families.get("ftrl"), "balanced", Map.of()).fit(train, null, TrainContext.of(1, 1), FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("mdd:30").hasMessageContaining("REGRESSION");
    assertThatThrownBy(() -> new MultiTaskTrainer(families.get("ridge"), "balanced", Map.of("alpah", "1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'alpha'?");
  }
}
