package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.FamilyContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistEnsembleFamilyTest extends FamilyContract {

  /** Small members keep the contract's fits quick; the stacking is the same. */
  private static final Map<String, String> SMALL = Map.of("hgb_iterations", "60", "rf_trees", "20", "folds", "3");

  @Override
  protected ModelFamily family() {
    return new HistEnsembleFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"rf_trees", "rf_tree"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"folds", "1"};
  }

  @Override
  protected FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    Map<String, String> all = new HashMap<>(SMALL);
    all.putAll(overrides);
    return super.fit(variant, all, train, valid, seed);
  }

  @Test
  void out_of_fold_blocks_are_predicted_by_models_that_saw_only_rows_before_them_less_the_gap() {
    WalkForwardBlocks plan = new WalkForwardBlocks(1003, 4, 7);
    assertThat(plan.firstPredicted()).isEqualTo(250);
    int covered = plan.firstPredicted();
    for (int k = 1; k < 4; k++) {
      assertThat(plan.start(k)).isEqualTo(covered);
      assertThat(plan.trainEnd(k)).isEqualTo(plan.start(k) - 7);
      covered = plan.start(k + 1);
    }
    assertThat(covered).isEqualTo(1003);
  }

  /**
   * On a label of pure noise a deep forest fits its training rows closely; stacked on in-sample
   * predictions the meta-learner would trust it. On out-of-fold predictions it learns that no
   * member predicts anything, so the ensemble stays near the base rate.
   */
  @Test
  void the_meta_learner_trained_out_of_fold_does_not_trust_members_that_memorize_noise() {
    Random rnd = new Random(4);
    int n = 3000;
    int cols = 3;
    float[] x = new float[n * cols];
    float[] y = new float[n];
    for (int i = 0; i < n * cols; i++) x[i] = (float) rnd.nextGaussian();
    for (int i = 0; i < n; i++) y[i] = rnd.nextBoolean() ? 1f : 0f;
    TrainSet train = new TrainSet(new Matrix(x, n, cols, List.of("a", "b", "c")), y, Task.BINARY);
    HistEnsembleModel m = (HistEnsembleModel) fit("balanced",
        Map.of("rf_min_data_in_leaf", "1", "rf_max_depth", "20", "hgb_min_data_in_leaf", "1", "hgb_num_leaves", "255"), train, null, 3);
    double[] inSampleRf = m.memberPredictions(train.x()).get(1).values();
    double rfSpread = spread(inSampleRf);
    double[] p = m.predict(train.x()).values();
    assertThat(m.metaRows()).isEqualTo(n - n / 3);
    assertThat(rfSpread).isGreaterThan(0.1); // the forest memorizes its rows
    assertThat(spread(p)).isLessThan(rfSpread / 3);
  }

  private static double spread(double[] v) {
    double mean = 0;
    for (double d : v) mean += d / v.length;
    double ss = 0;
    for (double d : v) ss += (d - mean) * (d - mean) / v.length;
    return Math.sqrt(ss);
  }

  @Test
  void too_few_rows_for_the_folds_fail_as_bad_input_naming_the_fix() {
    assertThatThrownBy(() -> fit("balanced", Map.of("folds", "50"), new TrainSet(new Matrix(new float[600], 200, 3, List.of("a", "b", "c")),
        alternating(200), Task.BINARY), null, 1)).isInstanceOf(BadInputException.class).hasMessageContaining("fewer folds");
  }

  @Test
  void a_saved_ensemble_is_one_directory_with_every_member_s_native_file(@TempDir Path tmp) {
    TrainSet train = dev.quiver.model.PlantedSignal.binary(3000, 21);
    FittedModel m = fit("balanced", Map.of(), train, null, 1);
    Path dir = tmp.resolve("m");
    ModelStore.save(m, family().name(), dir);
    assertThat(dir.resolve("hgb.model.txt")).exists();
    assertThat(dir.resolve("rf.model.txt")).exists();
    assertThat(dir.resolve("linear.logistic.json")).exists();
    assertThat(dir.resolve("meta.logistic.json")).exists();
    assertThat(dir.resolve(HistEnsembleModel.META_FILE)).exists();
  }

  private static float[] alternating(int n) {
    float[] y = new float[n];
    for (int i = 0; i < n; i++) y[i] = i % 2;
    return y;
  }
}
