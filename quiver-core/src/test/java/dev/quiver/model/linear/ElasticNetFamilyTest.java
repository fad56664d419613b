package dev.quiver.model.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticNetFamilyTest extends FamilyContract {

  static final ElasticNetFamily NET = new ElasticNetFamily();

  @Override
  protected ModelFamily family() {
    return NET;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"l1_ratio", "l1_ration"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"l1_ratio", "1.5"};
  }

  @Test
  void the_lasso_keeps_the_planted_feature_and_zeroes_most_others() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    LinearModel lasso = RidgeFamilyTest.fit(NET, Map.of("l1_ratio", "1", "alpha", "0.05"), d.trainSet(f.trainFrom(), f.trainTo()), null);
    double[] coef = lasso.coefficients();
    int zeros = 0;
    for (double c : coef) if (c == 0) zeros++;
    assertThat(coef[d.featureNames().indexOf("price_change")]).isPositive();
    assertThat(zeros).isGreaterThanOrEqualTo(coef.length - 3);
  }

  @Test
  void a_penalty_above_every_correlation_gives_the_mean() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    TrainSet train = d.trainSet(0, 20_000);
    LinearModel m = RidgeFamilyTest.fit(NET, Map.of("l1_ratio", "1", "alpha", "2"), train, null);
    double mean = 0;
    for (float y : train.y()) mean += y;
    mean /= train.rows();
    assertThat(m.coefficients()).containsOnly(0.0);
    assertThat(m.intercept()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void every_sweep_is_scored_and_the_sweeps_converge_before_max_iter() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    LinearModel m = RidgeFamilyTest.fit(NET, Map.of("early_stopping_rounds", "0"), d.trainSet(f.trainFrom(), f.trainTo()),
        d.trainSet(f.validFrom(), f.validTo()));
    LearningCurve c = m.learningCurve().orElseThrow();
    double[] train = c.train();
    assertThat(c.iterations()).isGreaterThan(1).isLessThan(1000);
    // the penalized objective falls every sweep; the plain error falls overall (it may creep up by a hair as the penalty trades off)
    assertThat(train[train.length - 1]).isLessThan(0.8 * RidgeFamilyTest.variance(d.trainSet(f.trainFrom(), f.trainTo()).y()));
    assertThat(c.bestIteration()).isEqualTo(c.iterations());
    assertThat(c.validation()).hasSize(c.iterations());
  }
}
