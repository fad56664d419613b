package dev.quiver.deep;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.Params;

/** {@link TransformerFamily}'s network: input (batch, lookback, features), output (batch, 1). */
final class TransformerNet {

  private TransformerNet() {}

  static Block build(Params p, int features) {
    int model = p.getInt("model");
    int heads = p.getInt("heads");
    if (model % heads != 0) {
      throw new BadInputException(Where.none(), "transformer model " + model + " is not a multiple of heads " + heads, "choose model = k x heads");
    }
    int time = p.getInt("lookback");
    float dropout = (float) p.getDouble("dropout");
    float[] position = positions(time, model);
    SequentialBlock net = new SequentialBlock();
    net.add(Linear.builder().setUnits(model).build());
    net.add(LambdaBlock.singleton(a -> a.add(a.getManager().create(position, new Shape(time, model))), "positional_encoding"));
    for (int b = 0; b < p.getInt("blocks"); b++) {
      SequentialBlock attention = new SequentialBlock()
          .add(LayerNorm.builder().axis(2).build())
          .add(new CausalSelfAttention(model, heads));
      if (dropout > 0) attention.add(Dropout.builder().optRate(dropout).build());
      SequentialBlock feedForward = new SequentialBlock()
          .add(LayerNorm.builder().axis(2).build())
          .add(Linear.builder().setUnits(p.getInt("feed_forward")).build())
          .add(Activation.reluBlock())
          .add(Linear.builder().setUnits(model).build());
      if (dropout > 0) feedForward.add(Dropout.builder().optRate(dropout).build());
      net.add(MlpNet.residual(attention)).add(MlpNet.residual(feedForward));
    }
    net.add(LayerNorm.builder().axis(2).build());
    net.add(LstmNet.lastStep());
    return LstmNet.head(net, p);
  }

  /** Sinusoidal encoding, (time, model) row-major: sin at even columns, cos at odd, wavelengths 2 pi .. 10000 x 2 pi. */
  static float[] positions(int time, int model) {
    float[] pe = new float[time * model];
    for (int t = 0; t < time; t++) {
      for (int i = 0; i < model; i++) {
        double angle = t / Math.pow(10_000, (2 * (i / 2)) / (double) model);
        pe[t * model + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return pe;
  }
}
