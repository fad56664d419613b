package dev.quiver.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.error.BadInputException;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Json;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArimaFamilyTest {

  static final ArimaFamily FAMILY = new ArimaFamily();

  /** The simulated AR(2) of the statsmodels reference as column 0 (column 1 is noise); the target is the next value. */
  private static TrainSet ar2(int from, int to) throws Exception {
    double[] y;
    try (InputStream in = ArimaFamilyTest.class.getResourceAsStream("/forecast/arima_reference.json")) {
      JsonNode c = Json.MAPPER.readTree(in).get("cases").get(6);
      assertThat(c.get("name").asText()).isEqualTo("simulated_ar2");
      y = new double[c.get("y").size()];
      for (int i = 0; i < y.length; i++) y[i] = c.get("y").get(i).asDouble();
    }
    int n = to - from;
    float[] x = new float[n * 2];
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      x[i * 2] = (float) y[from + i];
      x[i * 2 + 1] = (float) Math.sin(i);
      t[i] = (float) y[from + i + 1];
    }
    return new TrainSet(new Matrix(x, n, 2, List.of("value", "noise")), t, Task.REGRESSION);
  }

  private static ArimaSignalModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid) {
    return (ArimaSignalModel) FAMILY.trainer(FAMILY.params(variant, overrides)).fit(train, valid, TrainContext.of(1, 1), FitInfo.of(variant));
  }

  @Test
  void a_fixed_order_fits_the_last_window_rows_of_the_column_as_arima_does() throws Exception {
    TrainSet train = ar2(0, 400);
    ArimaSignalModel m = fit("balanced", Map.of("auto", "false", "p", "2", "d", "0", "q", "0", "window", "300"), train, null);
    double[] lastRows = new double[300];
    for (int i = 0; i < 300; i++) lastRows[i] = train.x().get(100 + i, 0);
    assertThat(m.params()).containsExactly(Arima.fit(lastRows, new ArimaOrder(2, 0, 0)).params());
  }

  @Test
  void predictions_are_the_exact_ar_forecast_of_the_next_value_and_beat_no_change() throws Exception {
    ArimaSignalModel m = fit("balanced", Map.of("auto", "false", "p", "2", "d", "0", "q", "0"), ar2(0, 400), ar2(400, 500));
    TrainSet test = ar2(400, 598);
    double[] f = m.predict(test.x()).values();
    double c = m.params()[0];
    double phi1 = m.params()[1];
    double phi2 = m.params()[2];
    for (int i = 2; i < f.length; i++) {
      double expected = c + phi1 * (test.x().get(i, 0) - c) + phi2 * (test.x().get(i - 1, 0) - c);
      assertThat(f[i]).isCloseTo(expected, within(1e-9));
    }
    double sse = 0;
    double naive = 0;
    for (int i = 2; i < f.length; i++) {
      sse += (test.y()[i] - f[i]) * (test.y()[i] - f[i]);
      naive += (test.y()[i] - test.x().get(i, 0)) * (test.y()[i] - test.x().get(i, 0));
    }
    assertThat(sse).isLessThan(0.8 * naive);
    assertThat(m.learningCurve().orElseThrow().validation()).hasSize(1);
  }

  @Test
  void a_prediction_never_reads_later_rows() throws Exception {
    ArimaSignalModel m = fit("balanced", Map.of(), ar2(0, 400), null);
    TrainSet test = ar2(400, 598);
    double[] before = m.predict(test.x()).values();
    float[] changed = test.x().contiguous().clone();
    int cut = 120;
    for (int r = cut; r < test.rows(); r++) changed[r * 2] = changed[r * 2] * -3 + 7;
    double[] after = m.predict(new Matrix(changed, test.rows(), 2, test.x().names())).values();
    for (int i = 0; i < cut; i++) assertThat(after[i]).as("row " + i).isEqualTo(before[i]);
    assertThat(after[cut]).isNotEqualTo(before[cut]);
  }

  @Test
  void a_saved_model_loads_to_bit_identical_predictions(@TempDir Path tmp) throws Exception {
    ArimaSignalModel m = fit("aggressive", Map.of(), ar2(0, 400), ar2(400, 500));
    Path dir = tmp.resolve("m");
    ModelStore.save(m, FAMILY.name(), dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    TrainSet test = ar2(400, 598);
    assertThat(loaded.predict(test.x()).values()).isEqualTo(m.predict(test.x()).values());
    assertThat(loaded.learningCurve()).isEqualTo(m.learningCurve());
    assertThat(loaded.provenance()).isEqualTo(m.provenance());
  }

  @Test
  void bad_settings_fail_before_training_naming_what_is_valid() throws Exception {
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("max_pp", "2"))).isInstanceOf(BadInputException.class).hasMessageContaining("max_p");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("d", "3"))).isInstanceOf(BadInputException.class).hasMessageContaining("d");
    TrainSet train = ar2(0, 100);
    TrainSet binary = new TrainSet(train.x(), new float[train.rows()], Task.BINARY);
    assertThatThrownBy(() -> fit("balanced", Map.of(), binary, null)).isInstanceOf(BadInputException.class).hasMessageContaining("regression");
    assertThatThrownBy(() -> fit("balanced", Map.of("column", "5"), train, null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("column 5");
  }
}
