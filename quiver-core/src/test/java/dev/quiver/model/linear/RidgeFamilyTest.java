package dev.quiver.model.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RidgeFamilyTest extends FamilyContract {

  static final RidgeFamily RIDGE = new RidgeFamily();
  static final ElasticNetFamily NET = new ElasticNetFamily();

  @Override
  protected ModelFamily family() {
    return RIDGE;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"alpha", "alpah"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"alpha", "-1"};
  }

  static LinearModel fit(ModelFamily family, Map<String, String> overrides, TrainSet train, TrainSet valid) {
    return (LinearModel) family.trainer(family.params("balanced", overrides)).fit(train, valid, TrainContext.of(1, 1), FitInfo.of("balanced"));
  }

  /** The planted regression rows restricted to a few features that are not collinear. */
  static TrainSet someFeatures(TrainSet set, List<String> names) {
    int n = set.rows();
    float[] x = new float[n * names.size()];
    int[] cols = names.stream().mapToInt(set.x().names()::indexOf).toArray();
    for (int r = 0; r < n; r++) for (int j = 0; j < cols.length; j++) x[r * cols.length + j] = set.x().get(r, cols[j]);
    return new TrainSet(new Matrix(x, n, cols.length, names), set.y(), set.task());
  }

  @Test
  void without_a_penalty_ridge_is_least_squares_as_commons_math_computes_it() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    List<String> names = List.of("price_change", "high_low_ratio", "volume_ratio", "rsi");
    TrainSet train = someFeatures(d.trainSet(f.trainFrom(), f.trainTo()), names);
    TrainSet test = someFeatures(d.trainSet(f.testFrom(), f.testTo()), names);
    LinearModel ridge = fit(RIDGE, Map.of("alpha", "0"), train, null);

    int n = train.rows();
    double[][] x = new double[n][names.size()];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < names.size(); j++) x[r][j] = train.x().get(r, j);
      y[r] = train.y()[r];
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double[] p = ridge.predict(test.x()).values();
    for (int r = 0; r < test.rows(); r++) {
      double expected = beta[0];
      for (int j = 0; j < names.size(); j++) expected += beta[j + 1] * test.x().get(r, j);
      assertThat(p[r]).isCloseTo(expected, Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }

  @Test
  void ridge_is_elastic_net_without_its_l1_part() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    List<String> names = List.of("price_change", "high_low_ratio", "volume_ratio", "rsi", "open_close_ratio");
    TrainSet train = someFeatures(d.trainSet(f.trainFrom(), f.trainTo()), names);
    LinearModel ridge = fit(RIDGE, Map.of("alpha", "0.3"), train, null);
    LinearModel net = fit(NET, Map.of("alpha", "0.3", "l1_ratio", "0", "tol", "1e-14", "max_iter", "100000"), train, null);
    double[] a = ridge.coefficients();
    double[] b = net.coefficients();
    for (int j = 0; j < a.length; j++) assertThat(b[j]).isCloseTo(a[j], Offset.offset(1e-9));
    assertThat(net.intercept()).isCloseTo(ridge.intercept(), Offset.offset(1e-9));
    assertThat(ridge.learningCurve().orElseThrow().iterations()).isEqualTo(1);
  }

  @Test
  void binary_predictions_are_clipped_probabilities() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 0.3, 2);
    Fold f = new Holdout().fold(d);
    LinearModel m = fit(RIDGE, Map.of(), d.trainSet(f.trainFrom(), f.trainTo()), null);
    double[] p = m.predict(d.x().rows(f.testFrom(), f.testTo())).values();
    double min = 1;
    double max = 0;
    for (double v : p) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0.0); // a sharp planted signal pushes the linear score past both ends
    assertThat(max).isEqualTo(1.0);
  }

  @Test
  void collinear_features_without_a_penalty_fail_naming_the_fix() {
    Dataset d = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    TrainSet train = someFeatures(d.trainSet(0, 5000), List.of("price_change", "price_change"));
    assertThatThrownBy(() -> fit(RIDGE, Map.of("alpha", "0"), train, null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("collinear").hasMessageContaining("alpha > 0");
  }

  static double variance(float[] y) {
    double mean = 0;
    for (float v : y) mean += v;
    mean /= y.length;
    double ss = 0;
    for (float v : y) ss += (v - mean) * (v - mean);
    return ss / y.length;
  }
}
