package dev.quiver.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangePointFamilyTest {

  static final Dataset DATA = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);

  private static ChangePointModel fit(TrainSet train) {
    ModelFamily f = ModelFamilies.discover().get(ChangePointFamily.NAME);
    return (ChangePointModel) f.trainer(f.params("balanced", Map.of())).fit(train, null, TrainContext.of(1, 1), FitInfo.of("balanced"));
  }

  @Test
  void predictions_are_regime_base_rates_and_survive_save_and_load(@TempDir Path dir) {
    TrainSet train = DATA.trainSet(0, 3000);
    TrainSet test = DATA.trainSet(3100, 4500);
    assertThat(train.x().names().get(ChangePointFamily.column("auto", train.x().names()))).isEqualTo("price_change");
    ChangePointModel m = fit(train);
    double[] targets = m.regimeTargets();
    double[] p = m.predict(test.x()).values();
    assertThat(m.predict(test.x()).task()).isEqualTo(Task.BINARY);
    double lo = Math.min(targets[0], targets[1]);
    double hi = Math.max(targets[0], targets[1]);
    for (double v : p) assertThat(v).isBetween(lo - 1e-12, hi + 1e-12);
    ModelStore.save(m, ChangePointFamily.NAME, dir.resolve("cp"));
    FittedModel back = ModelStore.load(dir.resolve("cp"), ModelFamilies.discover());
    assertThat(back.predict(test.x()).values()).containsExactly(p);
  }

  @Test
  void a_row_signal_does_not_move_when_later_rows_change() {
    ChangePointModel m = fit(DATA.trainSet(0, 3000));
    Matrix test = DATA.trainSet(3100, 4500).x();
    double[] whole = m.changeProbability(test);
    double[] prefix = m.changeProbability(test.rows(0, 700));
    assertThat(prefix).containsExactly(Arrays.copyOf(whole, 700));
  }

  @Test
  void the_change_probability_jumps_when_the_returns_switch_to_a_wilder_regime() {
    ChangePointModel m = fit(DATA.trainSet(0, 3000));
    Matrix test = DATA.trainSet(3100, 4100).x();
    int col = ChangePointFamily.column("auto", test.names());
    int n = test.rows();
    float[] returns = new float[n];
    for (int r = 0; r < n; r++) returns[r] = test.get(r, col) * (r < 600 ? 1 : 25);
    float[] rows = new float[n * test.cols()];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < test.cols(); c++) rows[r * test.cols() + c] = c == col ? returns[r] : test.get(r, c);
    }
    double[] p = m.changeProbability(new Matrix(rows, n, test.cols(), List.copyOf(test.names())));
    double before = 0;
    for (int r = 500; r < 600; r++) before = Math.max(before, p[r]);
    double after = 0;
    for (int r = 600; r < 610; r++) after = Math.max(after, p[r]);
    assertThat(after).isGreaterThan(0.5).isGreaterThan(before + 0.3);
  }
}
