package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuiverTest {

  private static Dataset data;

  @BeforeAll
  static void load() {
    data = ExperimentRunner.dataset(ExperimentConfigs.withDefaults(new ExperimentConfig("t", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        "5m", List.of(), "seed12", null, "direction", null, null, null)), RunObserver.NONE);
  }

  @Test
  void train_all_fits_every_model_and_scores_it_on_the_test_segment() {
    List<TrainedModel> models = Quiver.trainAll(data, List.of("logistic", "logistic:conservative", "ridge(alpha=10)"),
        TrainOptions.defaults().withThreads(2).withSeed(3));
    assertThat(models).extracting(TrainedModel::name).containsExactly("logistic", "logistic:conservative", "ridge(alpha=10)");
    TrainedModel lr = models.get(0);
    assertThat(lr.status()).isEqualTo("ok");
    assertThat(lr.fitted()).isPresent();
    assertThat(lr.metrics()).containsKeys("auc", "accuracy", "precision", "recall", "f1", "log_loss");
    assertThat(lr.metric("auc")).isBetween(0.4, 0.65);
    assertThat(models.get(1).variant()).isEqualTo("conservative");
  }

  @Test
  void results_do_not_depend_on_the_thread_budget() {
    List<String> specs = List.of("logistic", "logistic:aggressive");
    List<TrainedModel> one = Quiver.trainAll(data, specs, TrainOptions.defaults().withThreads(1));
    List<TrainedModel> two = Quiver.trainAll(data, specs, TrainOptions.defaults().withThreads(2));
    for (int i = 0; i < specs.size(); i++) assertThat(two.get(i).metrics()).isEqualTo(one.get(i).metrics());
  }

  @Test
  void every_bad_spec_is_reported_before_training() {
    BadInputException e = catchThrowableOfType(BadInputException.class,
        () -> Quiver.trainAll(data, List.of("logistik", "logistic(c=-1)", "logistic(c"), TrainOptions.defaults().withThreads(1)));
    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage()).contains("logistik", "c=-1", "logistic(c");
  }
}
