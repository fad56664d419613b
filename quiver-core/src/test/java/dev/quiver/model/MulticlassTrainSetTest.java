package dev.quiver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.labels.DirectionClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

class MulticlassTrainSetTest {

  static final Matrix X = new Matrix(new float[4], 4, 1, List.of("a"));

  @Test
  void multiclass_targets_must_be_class_ids_below_the_class_count() {
    assertThat(new TrainSet(X, new float[] {0, 1, 2, 1}, Task.MULTICLASS, null, 3).classes()).isEqualTo(3);
    assertThatThrownBy(() -> new TrainSet(X, new float[] {0, 1, 3, 1}, Task.MULTICLASS, null, 3)).hasMessageContaining("row 2 has 3.0");
    assertThatThrownBy(() -> new TrainSet(X, new float[] {0, 0.5f, 2, 1}, Task.MULTICLASS, null, 3)).hasMessageContaining("row 1 has 0.5");
    assertThatThrownBy(() -> new TrainSet(X, new float[] {0, 1, 0, 1}, Task.BINARY, null, 2)).hasMessageContaining("classes must be 0");
  }

  @Test
  void a_fold_without_the_top_class_keeps_the_label_class_count() {
    TrainSet fold = new TrainSet(X, new float[] {0, 1, 1, 0}, Task.MULTICLASS, null, 3);
    assertThat(fold.classes()).isEqualTo(3);
    assertThat(fold.withX(X).classes()).isEqualTo(3);
  }

  @Test
  void a_dataset_built_from_a_direction3_label_has_three_classes_and_passes_them_to_its_train_sets() {
    int n = 40;
    long[] time = new long[n];
    double[] close = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = 1_700_000_000_000L + i * 60_000L;
      close[i] = i % 3 == 2 ? 99 : 101;
    }
    var bars = new dev.quiver.data.Bars("X", dev.quiver.data.Timeframe.M1, time, close, close, close, close, new double[n]);
    var frame = new dev.quiver.features.FeatureFrame("X", time, List.of("close"), List.of(close));
    Dataset d = dev.quiver.dataset.DatasetBuilder.build(List.of(frame), List.of(new DirectionClasses(1, 0.0005).label(bars)), 0);
    assertThat(d.task()).isEqualTo(Task.MULTICLASS);
    assertThat(d.classes()).isEqualTo(3);
    assertThat(d.trainSet(0, 10).classes()).isEqualTo(3);
    assertThat(d.y()).contains(0f, 1f, 2f);
  }

  @Test
  void a_schema_of_a_multiclass_model_carries_its_class_count_through_json() throws Exception {
    Schema s = new Schema(List.of("a", "b"), Task.MULTICLASS, 3);
    String json = Json.MAPPER.writeValueAsString(s);
    assertThat(Json.MAPPER.readValue(json, Schema.class)).isEqualTo(s);
    String binary = Json.MAPPER.writeValueAsString(new Schema(List.of("a"), Task.BINARY));
    assertThat(binary).doesNotContain("classes");
    assertThat(Json.MAPPER.readValue(binary, Schema.class).classes()).isZero();
  }
}
