package dev.quiver.deep;

import dev.quiver.model.Param;
import java.util.List;
import java.util.Map;

/**
 * {@code cnn1d}: a TCN-style stack of dilated causal 1-D convolutions over sequence windows
 * (see {@link LstmFamily} for the windows). Level i has dilation 2^i and is padded on the left
 * only, so output step t sees input steps up to t; the receptive field is 1 + (kernel - 1) x
 * (2^levels - 1) bars (15 for the defaults), and the last step feeds a linear output.
 *
 * <p>Variants: {@code conservative} (16 filters, 2 levels, dropout 0.3), {@code balanced} (32
 * filters, kernel 3, 3 levels), {@code aggressive} (64 filters, 5 levels, lookback 60).
 */
public final class Cnn1dFamily extends NetFamily {

  public static final String NAME = "cnn1d";

  static final NetSpec SPEC = new NetSpec(NAME, true, NetSpec.declare(true, List.of(
      Param.integer("filters", 32, 1, 4096, "channels of every convolution"),
      Param.integer("kernel", 3, 2, 64, "kernel width in bars"),
      Param.integer("levels", 3, 1, 16, "convolution levels; level i has dilation 2^i"))),
      Map.of(
          "conservative", Map.of("filters", 16, "levels", 2, "dropout", 0.3),
          "balanced", Map.of(),
          "aggressive", Map.of("filters", 64, "levels", 5, "lookback", 60, "dropout", 0.05)),
      () -> ConvNet::cnn1d);

  public Cnn1dFamily() {
    super(SPEC);
  }
}
