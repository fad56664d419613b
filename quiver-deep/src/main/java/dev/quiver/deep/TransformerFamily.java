package dev.quiver.deep;

import dev.quiver.model.Param;
import java.util.List;
import java.util.Map;

/**
 * {@code transformer}: a pre-norm Transformer encoder over sequence windows (see {@link
 * LstmFamily} for the windows): a linear embedding to {@code model} units plus sinusoidal
 * positional encoding, then {@code blocks} of causal multi-head self-attention and a ReLU
 * feed-forward, each with a residual connection and layer norm; the last step feeds a linear
 * output.
 *
 * <p>Variants: {@code conservative} (model 16, 2 heads, dropout 0.3), {@code balanced} (model 32,
 * 4 heads, 1 block), {@code aggressive} (model 64, 4 heads, 3 blocks, lookback 60).
 */
public final class TransformerFamily extends NetFamily {

  public static final String NAME = "transformer";

  static final NetSpec SPEC = new NetSpec(NAME, true, NetSpec.declare(true, List.of(
      Param.integer("model", 32, 2, 4096, "embedding width (a multiple of heads)"),
      Param.integer("heads", 4, 1, 64, "attention heads"),
      Param.integer("feed_forward", 64, 1, 65_536, "units of each block's feed-forward layer"),
      Param.integer("blocks", 1, 1, 32, "encoder blocks"))),
      Map.of(
          "conservative", Map.of("model", 16, "heads", 2, "feed_forward", 32, "dropout", 0.3),
          "balanced", Map.of(),
          "aggressive", Map.of("model", 64, "feed_forward", 128, "blocks", 3, "lookback", 60, "dropout", 0.05)),
      () -> TransformerNet::build);

  public TransformerFamily() {
    super(SPEC);
  }
}
