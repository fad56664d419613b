package dev.quiver.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiTaskSignalTest {

  @Test
  void direction_and_return_models_combine_into_one_bounded_signal_that_keeps_their_edge() {
    TrainSet dirTrain = EnsembleData.train(EnsembleData.BINARY);
    TrainSet retTrain = EnsembleData.train(EnsembleData.REGRESSION);
    TrainSet dirTest = EnsembleData.test(EnsembleData.BINARY);
    FittedModel direction = EnsembleData.fit("logistic", "balanced", dirTrain);
    FittedModel forward = EnsembleData.fit("ridge", "balanced", retTrain);
    List<String> names = List.of("direction", "forward_return");
    List<Task> tasks = List.of(Task.BINARY, Task.REGRESSION);
    MultiTaskSignal s = MultiTaskSignal.calibrate(names, tasks,
        new double[][] {direction.predict(dirTrain.x()).values(), forward.predict(retTrain.x()).values()}, new double[] {1, 1});
    assertThat(s.centers()).containsExactly(0.5, 0.0);
    assertThat(s.scales()[1]).isPositive();
    double[] signal = s.signal(new double[][] {direction.predict(dirTest.x()).values(), forward.predict(dirTest.x()).values()});
    for (double v : signal) assertThat(v).isBetween(-1.0, 1.0);
    // both targets carry the planted signal, so the combined signal ranks the direction labels
    double[] asProbability = new double[signal.length];
    for (int r = 0; r < signal.length; r++) asProbability[r] = 0.5 + 0.5 * signal[r];
    assertThat(ClassificationMetrics.of(dirTest.y(), asProbability).auc()).isGreaterThan(0.75);
    MultiTaskSignal back = MultiTaskSignal.fromJson(s.toJson(), "signal.json");
    assertThat(back.signal(new double[][] {direction.predict(dirTest.x()).values(), forward.predict(dirTest.x()).values()})).containsExactly(signal);
    // a negative weight flips a target
    MultiTaskSignal flipped = new MultiTaskSignal(names, tasks, s.centers(), s.scales(), new double[] {-1, -1});
    assertThat(flipped.signal(new double[][] {{0.9}, {0.0}})[0]).isEqualTo(-0.4);
    assertThatThrownBy(() -> MultiTaskSignal.fromJson("{\"targets\":[]}", "signal.json")).isInstanceOf(BadInputException.class);
  }
}
