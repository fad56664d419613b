package dev.quiver.deep;

import dev.quiver.model.Param;
import java.util.List;
import java.util.Map;

/**
 * {@code lstm}: stacked LSTM over sequence windows (see {@link Samples}: {@code lookback} bars of
 * one symbol ending at the predicted row, never across a symbol, nor across a session gap unless
 * {@code gap_break} is 0), optionally bidirectional over the window (the window holds only past
 * bars, so both directions are causal); the last step's state feeds a linear output.
 *
 * <p>Variants: {@code conservative} (1 x 32, dropout 0.3), {@code balanced} (2 x 64, lookback
 * 30), {@code aggressive} (3 x 128, lookback 60, dropout 0.05).
 */
public final class LstmFamily extends NetFamily {

  public static final String NAME = "lstm";

  static final NetSpec SPEC = new NetSpec(NAME, true, NetSpec.declare(true, List.of(
      Param.integer("hidden", 64, 1, 65_536, "LSTM state size per direction"),
      Param.integer("layers", 2, 1, 16, "stacked LSTM layers (dropout applies between them)"),
      Param.flag("bidirectional", false, "also read each window backwards (still only past bars)"))),
      Map.of(
          "conservative", Map.of("hidden", 32, "layers", 1, "dropout", 0.3),
          "balanced", Map.of(),
          "aggressive", Map.of("hidden", 128, "layers", 3, "lookback", 60, "dropout", 0.05)),
      () -> LstmNet::build);

  public LstmFamily() {
    super(SPEC);
  }
}
