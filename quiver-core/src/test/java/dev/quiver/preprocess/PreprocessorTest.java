package dev.quiver.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.Predictions;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {

  private static final float NAN = Float.NaN;

  /** Two columns, row-major: a = 1, NaN, 3, 10 and b = 4, 2, NaN, 0. */
  private static Matrix twoColumns() {
    return new Matrix(new float[] {1, 4, NAN, 2, 3, NAN, 10, 0}, 4, 2, List.of("a", "b"));
  }

  private static Preprocessor fit(String spec, Matrix x, float[] y) {
    return PreprocessorFitter.fit(PreprocessSpec.parse(spec), x, y);
  }

  private static float[] column(Matrix m, int j) {
    float[] out = new float[m.rows()];
    for (int r = 0; r < m.rows(); r++) out[r] = m.get(r, j);
    return out;
  }

  @Test
  void imputation_fills_missing_values_with_the_training_median_mean_or_zero() {
    Matrix x = twoColumns();
    assertThat(fit("impute=median", x, null).steps().get(0).a()).containsExactly(3.0, 2.0);
    assertThat(fit("impute=mean", x, null).steps().get(0).a()).containsExactly(14.0 / 3, 2.0);
    Matrix zero = fit("impute=zero", x, null).apply(x);
    assertThat(column(zero, 0)).containsExactly(1f, 0f, 3f, 10f);
    assertThat(column(zero, 1)).containsExactly(4f, 2f, 0f, 0f);
    Matrix median = fit("impute=median", x, null).apply(x);
    assertThat(column(median, 0)).containsExactly(1f, 3f, 3f, 10f);
  }

  @Test
  void standard_scaling_uses_the_population_standard_deviation() {
    Matrix x = new Matrix(new float[] {1, 2, 3, 4}, 4, 1, List.of("a"));
    FittedStep s = fit("scale=standard", x, null).steps().get(0);
    assertThat(s.a()).containsExactly(2.5);
    assertThat(s.b()).containsExactly(Math.sqrt(1.25));
    assertThat(column(fit("scale=standard", x, null).apply(x), 0)[0]).isEqualTo((float) (-1.5 / Math.sqrt(1.25)));
  }

  @Test
  void robust_scaling_centres_on_the_median_and_divides_by_the_interquartile_range() {
    Matrix x = new Matrix(new float[] {1, 2, 3, 4}, 4, 1, List.of("a"));
    FittedStep s = fit("scale=robust", x, null).steps().get(0);
    // numpy: percentile([1,2,3,4], 25) = 1.75, 75 -> 3.25
    assertThat(s.a()).containsExactly(2.5);
    assertThat(s.b()).containsExactly(1.5);
    assertThat(column(fit("scale=robust", x, null).apply(x), 0)).containsExactly(-1f, (float) (-0.5 / 1.5), (float) (0.5 / 1.5), 1f);
  }

  @Test
  void a_constant_column_is_divided_by_one() {
    Matrix x = new Matrix(new float[] {5, 5, 5}, 3, 1, List.of("a"));
    assertThat(column(fit("scale=standard", x, null).apply(x), 0)).containsExactly(0f, 0f, 0f);
  }

  @Test
  void clipping_bounds_values_to_the_training_quantiles() {
    Matrix x = new Matrix(new float[] {0, 1, 2, 3, 4}, 5, 1, List.of("a"));
    Preprocessor p = fit("clip=0.25", x, null);
    assertThat(p.steps().get(0).a()).containsExactly(1.0);
    assertThat(p.steps().get(0).b()).containsExactly(3.0);
    Matrix later = new Matrix(new float[] {-100, 2, 100}, 3, 1, List.of("a"));
    assertThat(column(p.apply(later), 0)).containsExactly(1f, 2f, 3f);
  }

  @Test
  void steps_see_the_columns_as_the_steps_before_them_left_them() {
    Matrix x = twoColumns();
    Preprocessor p = fit("impute=median,scale=standard", x, null);
    // a after imputation: 1, 3, 3, 10 -> mean 4.25
    assertThat(p.steps().get(1).a()[0]).isEqualTo(4.25);
  }

  @Test
  void top_k_selection_keeps_the_columns_most_correlated_with_the_target_in_their_order() {
    TrainSet t = PlantedSignal.binary(2000, 3);
    Preprocessor p = fit("select=top:1", t.x(), t.y());
    assertThat(p.outputs()).containsExactly("signal");
    Preprocessor two = fit("select=top:2", t.x(), t.y());
    assertThat(two.outputs()).hasSize(2).contains("signal");
    assertThat(PlantedSignal.NAMES.indexOf(two.outputs().get(0))).isLessThan(PlantedSignal.NAMES.indexOf(two.outputs().get(1)));
    Matrix out = p.apply(t.x());
    assertThat(out.cols()).isEqualTo(1);
    assertThat(out.get(17, 0)).isEqualTo(t.x().get(17, 0));
  }

  @Test
  void name_selection_keeps_the_named_columns_and_rejects_unknown_names() {
    Matrix x = twoColumns();
    assertThat(fit("select=names:b", x, null).outputs()).containsExactly("b");
    assertThat(column(fit("select=names:b", x, null).apply(x), 0)).containsExactly(4f, 2f, NAN, 0f);
    assertThatThrownBy(() -> fit("select=names:b|zz", x, null)).isInstanceOf(BadInputException.class).hasMessageContaining("zz");
  }

  @Test
  void a_bad_spec_names_every_bad_step() {
    assertThatThrownBy(() -> PreprocessSpec.parse("impute=mode,scale=minmax,clip=0.7,frobnicate=1"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("mode").hasMessageContaining("minmax").hasMessageContaining("0.7").hasMessageContaining("frobnicate");
  }

  @Test
  void the_spec_text_round_trips() {
    String text = "impute=median,scale=robust,clip=0.01,select=names:a|b";
    assertThat(PreprocessSpec.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void json_round_trip_gives_an_equal_preprocessor_with_the_same_id() {
    TrainSet t = PlantedSignal.binary(500, 5);
    Preprocessor p = fit("impute=mean,scale=robust,clip=0.01,select=top:3", t.x(), t.y());
    Preprocessor back = Preprocessor.fromJson(p.toJson());
    assertThat(back).isEqualTo(p);
    assertThat(back.id()).isEqualTo(p.id()).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(fit("impute=mean,scale=robust,clip=0.01,select=top:3", t.x(), t.y()).id()).as("refit on the same rows").isEqualTo(p.id());
    assertThat(fit("impute=mean,scale=standard,clip=0.01,select=top:3", t.x(), t.y()).id()).as("another spec").isNotEqualTo(p.id());
    assertThat(fit("impute=mean,scale=robust,clip=0.01,select=top:3", t.x().rows(0, 400), java.util.Arrays.copyOf(t.y(), 400)).id())
        .as("other training rows").isNotEqualTo(p.id());
  }

  @Test
  void a_missing_column_is_named() {
    Preprocessor p = fit("impute=zero", twoColumns(), null);
    Matrix onlyA = new Matrix(new float[] {1}, 1, 1, List.of("a"));
    assertThatThrownBy(() -> p.apply(onlyA)).isInstanceOf(BadInputException.class).hasMessageContaining("missing column 'b'");
  }

  @Test
  void an_extra_column_is_named() {
    Preprocessor p = fit("impute=zero", twoColumns(), null);
    Matrix abc = new Matrix(new float[] {1, 2, 3}, 1, 3, List.of("a", "b", "c"));
    assertThatThrownBy(() -> p.apply(abc)).isInstanceOf(BadInputException.class).hasMessageContaining("extra column 'c'");
  }

  @Test
  void a_reordered_column_is_named() {
    Preprocessor p = fit("impute=zero", twoColumns(), null);
    Matrix ba = new Matrix(new float[] {1, 2}, 1, 2, List.of("b", "a"));
    assertThatThrownBy(() -> p.apply(ba)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("reordered").hasMessageContaining("column 0 is 'b'").hasMessageContaining("expects 'a'");
  }

  private static FittedModel preprocessedLogistic(TrainSet train) {
    ModelFamily logistic = ModelFamilies.discover().get("logistic");
    return new PreprocessingTrainer(PreprocessSpec.parse("impute=median,scale=robust,clip=0.01,select=top:3"),
        logistic.trainer(logistic.params("balanced", Map.of()))).fit(train, null, TrainContext.of(1, 7), FitInfo.of("balanced"));
  }

  @Test
  void a_saved_preprocessed_model_loads_with_bit_identical_predictions(@TempDir Path dir) {
    TrainSet train = PlantedSignal.binary(2000, 11);
    FittedModel model = preprocessedLogistic(train);
    assertThat(model.inputSchema().features()).isEqualTo(PlantedSignal.NAMES);
    ModelStore.save(model, "logistic", dir.resolve("m"));
    assertThat(dir.resolve("m").resolve(Preprocessor.FILE)).exists();

    FittedModel loaded = ModelStore.load(dir.resolve("m"), ModelFamilies.discover());
    assertThat(loaded).isInstanceOf(PreprocessedModel.class);
    assertThat(((PreprocessedModel) loaded).preprocessor()).isEqualTo(((PreprocessedModel) model).preprocessor());
    Matrix test = PlantedSignal.binary(500, 12).x();
    Predictions a = model.predict(test);
    Predictions b = loaded.predict(test);
    for (int i = 0; i < a.size(); i++) {
      assertThat(Double.doubleToRawLongBits(b.values()[i])).as("row " + i).isEqualTo(Double.doubleToRawLongBits(a.values()[i]));
    }
  }

  @Test
  void a_changed_byte_in_the_saved_preprocessor_is_refused_naming_the_file(@TempDir Path dir) throws Exception {
    FittedModel model = preprocessedLogistic(PlantedSignal.binary(1000, 13));
    Path m = dir.resolve("m");
    ModelStore.save(model, "logistic", m);
    Path file = m.resolve(Preprocessor.FILE);
    byte[] bytes = Files.readAllBytes(file);
    int at = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"a\":[") + 6;
    bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelStore.load(m, ModelFamilies.discover()))
        .isInstanceOf(BadInputException.class).hasMessageContaining(Preprocessor.FILE).hasMessageContaining("SHA-256");
  }

  @Test
  void a_keyed_view_keeps_its_keys_and_window_after_the_transform() {
    float[] cells = {1, 10, 2, 20, 3, 30, 4, 40};
    dev.quiver.model.RowKeys keys = new dev.quiver.model.RowKeys(new int[] {0, 0, 0, 0}, new long[] {1, 2, 3, 4});
    Matrix all = new Matrix(cells, 0, 4, 2, List.of("a", "b"), keys);
    Preprocessor p = fit("scale=standard,select=names:b", all.rows(0, 2), null);
    Matrix view = p.apply(all.rows(2, 4));
    assertThat(view.keys()).isSameAs(keys);
    assertThat(view.offset()).isEqualTo(2);
    assertThat(view.rows()).isEqualTo(2);
    // b fitted on 10, 20: mean 15, std 5
    assertThat(column(view, 0)).containsExactly(3f, 5f);
    assertThat(view.data()[0]).as("rows before the view are transformed too").isEqualTo(-1f);
  }
}
