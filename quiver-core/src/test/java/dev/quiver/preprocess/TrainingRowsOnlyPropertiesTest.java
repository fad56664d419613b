package dev.quiver.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.FitInfo;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every step's statistics come from the training rows: nothing after them can move the fit. */
class TrainingRowsOnlyPropertiesTest {

  private static final String SPEC = "impute=median,scale=robust,clip=0.05,select=top:2";

  /** 1,500 planted-signal rows with about a tenth of the cells missing. */
  private static TrainSet withHoles(long seed) {
    TrainSet t = PlantedSignal.binary(1500, seed);
    float[] x = t.x().data().clone();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < x.length; i++) if (r.nextDouble() < 0.1) x[i] = Float.NaN;
    return new TrainSet(new Matrix(x, t.rows(), t.x().cols(), t.x().names()), t.y(), t.task());
  }

  @Property(tries = 25)
  void rewriting_the_rows_after_the_training_window_never_changes_the_fitted_preprocessor(
      @ForAll @IntRange(min = 200, max = 1200) int trainRows, @ForAll @LongRange(min = 1, max = 10_000) long noiseSeed) {
    TrainSet t = withHoles(1);
    Preprocessor before = PreprocessorFitter.fit(PreprocessSpec.parse(SPEC), t.x().rows(0, trainRows), java.util.Arrays.copyOf(t.y(), trainRows));

    float[] changed = t.x().data().clone();
    SplittableRandom r = new SplittableRandom(noiseSeed);
    int cols = t.x().cols();
    for (int i = trainRows * cols; i < changed.length; i++) changed[i] = r.nextInt(10) == 0 ? Float.NaN : (float) (r.nextGaussian() * 1e3);
    Matrix later = new Matrix(changed, t.rows(), cols, t.x().names());
    Preprocessor after = PreprocessorFitter.fit(PreprocessSpec.parse(SPEC), later.rows(0, trainRows), java.util.Arrays.copyOf(t.y(), trainRows));

    assertThat(after).isEqualTo(before);
    assertThat(after.id()).isEqualTo(before.id());
  }

  @Property(tries = 5)
  void the_validation_rows_given_to_the_trainer_never_change_the_fitted_preprocessor(@ForAll @LongRange(min = 1, max = 10_000) long validationSeed) {
    ModelFamily logistic = ModelFamilies.discover().get("logistic");
    PreprocessingTrainer trainer = new PreprocessingTrainer(PreprocessSpec.parse(SPEC), logistic.trainer(logistic.params("balanced", Map.of())));
    TrainSet train = withHoles(2);
    PreprocessedModel reference = (PreprocessedModel) trainer.fit(train, withHoles(3), TrainContext.of(1, 7), FitInfo.of("balanced"));
    PreprocessedModel other = (PreprocessedModel) trainer.fit(train, withHoles(validationSeed + 10), TrainContext.of(1, 7), FitInfo.of("balanced"));
    PreprocessedModel none = (PreprocessedModel) trainer.fit(train, null, TrainContext.of(1, 7), FitInfo.of("balanced"));
    assertThat(other.preprocessor()).isEqualTo(reference.preprocessor());
    assertThat(none.preprocessor()).isEqualTo(reference.preprocessor());
  }
}
