package dev.quiver.deep;

import dev.quiver.model.Param;
import java.util.List;
import java.util.Map;

/**
 * {@code mlp}: a multilayer perceptron on tabular rows. Each hidden layer is linear, batch norm
 * (optional), ReLU and dropout; with {@code residual} every hidden layer after the first adds its
 * input to its output (x + f(x)). Inputs standardized by the training rows (ddof 0, NaN -> mean).
 *
 * <p>Variants: {@code conservative} (32 units, dropout 0.3, weight decay 1e-4), {@code balanced}
 * (the defaults: 2 x 64, dropout 0.1), {@code aggressive} (3 x 128 residual, dropout 0.05).
 */
public final class MlpFamily extends NetFamily {

  public static final String NAME = "mlp";

  static final NetSpec SPEC = new NetSpec(NAME, false, NetSpec.declare(false, List.of(
      Param.integer("hidden", 64, 1, 65_536, "units per hidden layer"),
      Param.integer("layers", 2, 1, 64, "hidden layers"),
      Param.flag("batch_norm", true, "batch normalization after each hidden linear layer"),
      Param.flag("residual", false, "hidden layers after the first add their input to their output"))),
      Map.of(
          "conservative", Map.of("hidden", 32, "dropout", 0.3, "weight_decay", 1e-4),
          "balanced", Map.of(),
          "aggressive", Map.of("hidden", 128, "layers", 3, "residual", true, "dropout", 0.05)),
      () -> MlpNet::build);

  public MlpFamily() {
    super(SPEC);
  }
}
