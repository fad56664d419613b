package dev.quiver.deep;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import dev.quiver.model.Params;

/** The convolutional networks of {@link Cnn1dFamily} and {@link CnnLstmFamily}: input (batch, lookback, features), output (batch, 1). */
final class ConvNet {

  private ConvNet() {}

  static Block cnn1d(Params p, int features) {
    SequentialBlock net = new SequentialBlock();
    addCausalConvolutions(net, p);
    net.add(LambdaBlock.singleton(a -> a.get(":, :, -1"), "last_step"));
    return LstmNet.head(net, p);
  }

  static Block cnnLstm(Params p, int features) {
    SequentialBlock net = new SequentialBlock();
    addCausalConvolutions(net, p);
    net.add(LambdaBlock.singleton(a -> a.transpose(0, 2, 1), "to_time_major"));
    LstmNet.addLstm(net, p);
    return LstmNet.head(net, p);
  }

  /**
   * (batch, time, features) -> (batch, filters, time). Each level pads (kernel - 1) x dilation on
   * both sides and keeps the first {@code time} outputs, which is padding on the left only.
   */
  static void addCausalConvolutions(SequentialBlock net, Params p) {
    int time = p.getInt("lookback");
    int kernel = p.getInt("kernel");
    float dropout = (float) p.getDouble("dropout");
    String keep = ":, :, :" + time;
    net.add(LambdaBlock.singleton(a -> a.transpose(0, 2, 1), "to_channels"));
    for (int level = 0; level < p.getInt("levels"); level++) {
      int dilation = 1 << level;
      net.add(Conv1d.builder()
          .setKernelShape(new Shape(kernel))
          .setFilters(p.getInt("filters"))
          .optDilation(new Shape(dilation))
          .optPadding(new Shape((long) (kernel - 1) * dilation))
          .build());
      net.add(LambdaBlock.singleton(a -> a.get(keep), "causal_trim"));
      net.add(Activation.reluBlock());
      if (dropout > 0) net.add(Dropout.builder().optRate(dropout).build());
    }
  }
}
