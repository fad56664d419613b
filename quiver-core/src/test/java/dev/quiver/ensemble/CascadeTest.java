package dev.quiver.ensemble;

import static dev.quiver.ensemble.EnsembleData.BINARY;
import static dev.quiver.ensemble.EnsembleData.CTX;
import static dev.quiver.ensemble.EnsembleData.FAMILIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.TrainSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeTest {

  static final TrainSet TRAIN = EnsembleData.train(BINARY);
  static final TrainSet TEST = EnsembleData.test(BINARY);

  @Test
  void the_expensive_model_scores_only_rows_the_cheap_one_passes_and_the_saving_is_reported(@TempDir Path dir) {
    ModelFamily f = FAMILIES.get("cascade");
    CascadeModel c = (CascadeModel) f.trainer(f.params("aggressive", Map.of())).fit(TRAIN, null, CTX, FitInfo.of("aggressive"));
    FittedModel cheap = EnsembleData.fit("logistic", "conservative", TRAIN);
    FittedModel expensive = EnsembleData.fit("logistic", "aggressive", TRAIN);
    CascadeModel.Run run = c.run(TEST.x());
    double[] pc = cheap.predict(TEST.x()).values();
    double[] pe = expensive.predict(TEST.x()).values();
    int passed = 0;
    for (int r = 0; r < pc.length; r++) {
      if (Math.abs(pc[r] - 0.5) >= 0.1) {
        passed++;
        assertThat(run.values()[r]).isEqualTo(pe[r]);
      } else {
        assertThat(run.values()[r]).isEqualTo(0.5);
      }
    }
    assertThat(run.expensiveRows()).isEqualTo(passed);
    assertThat(run.expensiveShare()).isGreaterThan(0.0).isLessThan(1.0);
    // a wider margin sends fewer rows to the expensive model
    assertThat(new CascadeModel(cheap, expensive, 0.2).run(TEST.x()).expensiveShare()).isLessThan(run.expensiveShare());
    assertThat(new CascadeModel(cheap, expensive, 0.0).run(TEST.x()).expensiveShare()).isEqualTo(1.0);
    ModelStore.save(c, "cascade", dir.resolve("c"));
    assertThat(ModelStore.load(dir.resolve("c"), FAMILIES).predict(TEST.x()).values()).containsExactly(run.values());
  }
}
