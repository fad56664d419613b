package dev.quiver.deep;

import dev.quiver.model.Param;
import java.util.List;
import java.util.Map;

/**
 * {@code cnn_lstm}: dilated causal convolutions (as {@link Cnn1dFamily}) extract features from
 * each window step, then an LSTM (as {@link LstmFamily}) reads them; the last step feeds a linear
 * output. The first stage of the reference hierarchical trainer.
 *
 * <p>Variants: {@code conservative} (16 filters, 1 x 32 LSTM, dropout 0.3), {@code balanced}
 * (32 filters, 2 levels, 1 x 64 LSTM), {@code aggressive} (64 filters, 3 levels, 2 x 128 LSTM,
 * lookback 60).
 */
public final class CnnLstmFamily extends NetFamily {

  public static final String NAME = "cnn_lstm";

  static final NetSpec SPEC = new NetSpec(NAME, true, NetSpec.declare(true, List.of(
      Param.integer("filters", 32, 1, 4096, "channels of every convolution"),
      Param.integer("kernel", 3, 2, 64, "kernel width in bars"),
      Param.integer("levels", 2, 1, 16, "convolution levels; level i has dilation 2^i"),
      Param.integer("hidden", 64, 1, 65_536, "LSTM state size per direction"),
      Param.integer("layers", 1, 1, 16, "stacked LSTM layers"),
      Param.flag("bidirectional", false, "the LSTM also reads each window backwards (still only past bars)"))),
      Map.of(
          "conservative", Map.of("filters", 16, "hidden", 32, "dropout", 0.3),
          "balanced", Map.of(),
          "aggressive", Map.of("filters", 64, "levels", 3, "hidden", 128, "layers", 2, "lookback", 60, "dropout", 0.05)),
      () -> ConvNet::cnnLstm);

  public CnnLstmFamily() {
    super(SPEC);
  }
}
