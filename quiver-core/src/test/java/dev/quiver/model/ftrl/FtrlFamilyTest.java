package dev.quiver.model.ftrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.OnlineModel;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtrlFamilyTest extends FamilyContract {

  static final FtrlFamily FTRL = new FtrlFamily();

  @Override
  protected ModelFamily family() {
    return FTRL;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"epochs", "epoch"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"alpha", "-0.5"};
  }

  private static double auc(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).auc();
  }

  @Test
  void partial_fit_learns_new_rows_without_changing_the_model_it_started_from() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 11);
    Fold f = new Holdout().fold(d);
    TrainSet test = test(d, f);
    int half = f.trainFrom() + (f.trainTo() - f.trainFrom()) / 20;
    OnlineModel first = (OnlineModel) fit("balanced", Map.of("epochs", "1"), d.trainSet(f.trainFrom(), half), null, 1);
    double[] before = first.predict(test.x()).values();
    FtrlModel more = (FtrlModel) first.partialFit(d.trainSet(half, f.trainTo()));
    assertThat(first.predict(test.x()).values()).isEqualTo(before);
    assertThat(more.rowsSeen()).isEqualTo(f.trainTo() - f.trainFrom());
    assertThat(auc(more, test)).isGreaterThan(0.78);
    assertThat(more.predict(test.x()).values()).isNotEqualTo(before);
    assertThat(auc(more, test)).isGreaterThan(auc(first, test) - 0.01);
  }

  @Test
  void a_loaded_model_continues_learning_identically(@TempDir Path tmp) {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 12);
    Fold f = new Holdout().fold(d);
    int cut = f.trainFrom() + 5000;
    OnlineModel m = (OnlineModel) fit("aggressive", Map.of(), d.trainSet(f.trainFrom(), cut), null, 3);
    ModelStore.save(m, FTRL.name(), tmp.resolve("m"));
    OnlineModel loaded = (OnlineModel) ModelStore.load(tmp.resolve("m"), ModelFamilies.discover());
    TrainSet fresh = d.trainSet(cut, f.trainTo());
    TrainSet test = test(d, f);
    assertThat(loaded.partialFit(fresh).predict(test.x()).values()).isEqualTo(m.partialFit(fresh).predict(test.x()).values());
  }

  @Test
  void strong_l1_zeroes_every_weight() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    FittedModel m = fit("balanced", Map.of("l1", "1e8"), d.trainSet(0, 3000), null, 1);
    assertThat(m.importance().orElseThrow().values().values()).containsOnly(0.0);
    assertThat(m.predict(d.x().rows(0, 5)).values()).containsOnly(0.5);
  }

  @Test
  void shuffled_passes_depend_on_the_seed_only() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    Map<String, String> shuffled = Map.of("shuffle", "true", "epochs", "2");
    TrainSet train = d.trainSet(0, 4000);
    double[] a = fit("balanced", shuffled, train, null, 8).predict(d.x().rows(4000, 4500)).values();
    double[] b = fit("balanced", shuffled, train, null, 8).predict(d.x().rows(4000, 4500)).values();
    double[] c = fit("balanced", shuffled, train, null, 9).predict(d.x().rows(4000, 4500)).values();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void regression_targets_are_refused_for_fits_and_partial_fits() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    TrainSet regression = new TrainSet(d.x().rows(0, 100), new float[100], Task.REGRESSION);
    assertThatThrownBy(() -> fit("balanced", Map.of(), regression, null, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("binary labels only");
    OnlineModel m = (OnlineModel) fit("balanced", Map.of("epochs", "1"), d.trainSet(0, 1000), null, 1);
    assertThatThrownBy(() -> m.partialFit(regression)).isInstanceOf(BadInputException.class).hasMessageContaining("binary labels only");
  }
}
