package dev.quiver.deep;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.quiver.model.Params;
import java.util.List;

/** {@link MlpFamily}'s network: input (batch, features), output (batch, 1). */
final class MlpNet {

  private MlpNet() {}

  static Block build(Params p, int features) {
    int hidden = p.getInt("hidden");
    float dropout = (float) p.getDouble("dropout");
    SequentialBlock net = new SequentialBlock();
    for (int l = 0; l < p.getInt("layers"); l++) {
      SequentialBlock layer = new SequentialBlock().add(Linear.builder().setUnits(hidden).build());
      if (p.getBoolean("batch_norm")) layer.add(BatchNorm.builder().build());
      layer.add(Activation.reluBlock());
      if (dropout > 0) layer.add(Dropout.builder().optRate(dropout).build());
      net.add(l > 0 && p.getBoolean("residual") ? residual(layer) : layer);
    }
    return net.add(Linear.builder().setUnits(1).build());
  }

  /** x + f(x). */
  static Block residual(Block f) {
    return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
        List.of(f, Blocks.identityBlock()));
  }
}
