package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Progress;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @TempDir
  Path tmp;

  private static Map<String, String> params(Path dir, boolean resume) {
    Map<String, String> m = new HashMap<>(Map.of("epochs", "4", "patience", "0", "lookback", "6", "hidden", "8", "layers", "2", "dropout", "0.2",
        "batch_size", "256", "checkpoint_every", "1", "checkpoint_dir", dir.toString()));
    m.put("resume", String.valueOf(resume));
    return m;
  }

  private static NetModel fit(Map<String, String> params, TrainSet train, TrainSet valid, TrainContext ctx) {
    LstmFamily f = new LstmFamily();
    return (NetModel) f.trainer(f.params("balanced", params)).fit(train, valid, ctx, FitInfo.of("balanced"));
  }

  @Test
  void a_run_stopped_after_two_epochs_resumes_to_the_same_model_as_an_uninterrupted_run() throws Exception {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    TrainSet train = d.trainSet(0, 1500);
    TrainSet valid = d.trainSet(1500, 2000);
    TrainSet test = d.trainSet(2000, 2500);
    try (NetModel whole = fit(params(tmp.resolve("a"), false), train, valid, TrainContext.of(1, 9))) {
      Cancellation stop = new Cancellation();
      AtomicInteger epochs = new AtomicInteger();
      Progress killAfterTwo = new Progress() {
        @Override public void start(String task, long units) {}
        @Override public void advance(long units) {
          if (epochs.incrementAndGet() == 2) stop.request();
        }
      };
      Path dir = tmp.resolve("b");
      try (NetModel stopped = fit(params(dir, false), train, valid, new TrainContext(1, 9, killAfterTwo, stop))) {
        assertThat(stopped.learningCurve().orElseThrow().iterations()).isEqualTo(2);
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("lstm-ckpt-000002");
      }
      try (NetModel resumed = fit(params(dir, true), train, valid, TrainContext.of(1, 9))) {
        assertThat(resumed.learningCurve().orElseThrow().train()).isEqualTo(whole.learningCurve().orElseThrow().train());
        assertThat(resumed.learningCurve().orElseThrow().validation()).isEqualTo(whole.learningCurve().orElseThrow().validation());
        assertThat(resumed.learningCurve()).isEqualTo(whole.learningCurve());
        assertThat(resumed.predict(test.x()).values()).isEqualTo(whole.predict(test.x()).values());
      }
    }
  }

  @Test
  void a_run_directorys_checkpoint_folder_makes_a_stopped_fit_resume_without_any_checkpoint_params() throws Exception {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    TrainSet train = d.trainSet(0, 1500);
    TrainSet valid = d.trainSet(1500, 2000);
    TrainSet test = d.trainSet(2000, 2500);
    Map<String, String> plain = Map.of("epochs", "7", "patience", "0", "lookback", "6", "hidden", "8", "layers", "2", "dropout", "0.2",
        "batch_size", "256");
    try (NetModel whole = fit(plain, train, valid, TrainContext.of(1, 9))) {
      Cancellation stop = new Cancellation();
      AtomicInteger epochs = new AtomicInteger();
      Progress killAfterTwo = new Progress() {
        @Override public void start(String task, long units) {}
        @Override public void advance(long units) {
          if (epochs.incrementAndGet() == 6) stop.request();
        }
      };
      Path dir = tmp.resolve("run/checkpoints/lstm-9");
      try (NetModel stopped = fit(plain, train, valid, new TrainContext(1, 9, killAfterTwo, stop, dir))) {
        assertThat(stopped.learningCurve().orElseThrow().iterations()).isEqualTo(6);
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).as("a checkpoint every 5 epochs").containsExactly("lstm-ckpt-000005");
      }
      try (NetModel resumed = fit(plain, train, valid, TrainContext.of(1, 9).withCheckpointDir(dir))) {
        assertThat(resumed.learningCurve()).isEqualTo(whole.learningCurve());
        assertThat(resumed.predict(test.x()).values()).isEqualTo(whole.predict(test.x()).values());
      }
      try (NetModel fresh = fit(plain, train, valid, TrainContext.of(1, 10));
          NetModel other = fit(plain, train, valid, TrainContext.of(1, 10).withCheckpointDir(dir))) {
        assertThat(other.learningCurve()).as("another fit's checkpoint (seed 9) is not taken up by a seed-10 fit").isEqualTo(fresh.learningCurve());
      }
    }
  }

  @Test
  void checkpoints_without_a_directory_fail_before_training() {
    assertThatThrownBy(() -> new MlpFamily().params("balanced", Map.of("checkpoint_every", "2")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("checkpoint_dir");
  }
}
