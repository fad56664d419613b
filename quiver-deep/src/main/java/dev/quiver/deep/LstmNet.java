package dev.quiver.deep;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import dev.quiver.model.Params;

/** {@link LstmFamily}'s network: input (batch, lookback, features), output (batch, 1). */
final class LstmNet {

  private LstmNet() {}

  static Block build(Params p, int features) {
    SequentialBlock net = new SequentialBlock();
    addLstm(net, p);
    return head(net, p);
  }

  /** LSTM layers on (batch, time, channels), then the last step: (batch, hidden x directions). */
  static void addLstm(SequentialBlock net, Params p) {
    int layers = p.getInt("layers");
    net.add(LSTM.builder()
        .setStateSize(p.getInt("hidden"))
        .setNumLayers(layers)
        .optBidirectional(p.getBoolean("bidirectional"))
        .optDropRate(layers > 1 ? (float) p.getDouble("dropout") : 0f)
        .optBatchFirst(true)
        .optReturnState(false)
        .build());
    net.add(lastStep());
  }

  /** (batch, time, channels) -> (batch, channels) at the last time step. */
  static Block lastStep() {
    return LambdaBlock.singleton(a -> a.get(":, -1, :"), "last_step");
  }

  /** Dropout then a linear output of one unit. */
  static Block head(SequentialBlock net, Params p) {
    float dropout = (float) p.getDouble("dropout");
    if (dropout > 0) net.add(Dropout.builder().optRate(dropout).build());
    return net.add(Linear.builder().setUnits(1).build());
  }
}
