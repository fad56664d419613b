package dev.quiver.forecast;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ARIMA as a model family ({@link Task#REGRESSION}): the series is one input column (by default
 * column 0, e.g. a one-bar log return), fitted on the last {@code window} training rows (so a
 * walk-forward split refits on a rolling window), and the prediction for row i is the one-step
 * forecast of that column's next value from rows 0..i of the input (causal; the filter starts at
 * the first row given). With the target the next bar's return, the prediction is the ARIMA
 * forecast of it, and {@code target - prediction} its forecast error. The training target is
 * used only to score the learning curve (one iteration: mean squared error of the one-step
 * forecasts on the training and validation rows). Deterministic and single-threaded.
 *
 * <p>Variants: {@code balanced} (order by AIC, p, q up to 3, d by KPSS up to 1, window 2,000),
 * {@code conservative} (fixed ARIMA(1,0,0), window 5,000), {@code aggressive} (order by AIC,
 * p, q up to 5, window 500).
 */
public final class ArimaFamily extends DeclaredFamily {

  public static final String NAME = "arima";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("column", 0, 0, 100_000, "Input column (0-based) that holds the series"),
      Param.flag("auto", true, "Choose the order by minimum AIC (KPSS for d); false fits p, d, q as given"),
      Param.integer("p", 1, 0, ArimaOrder.MAX_LAGS, "AR order when auto is false"),
      Param.integer("d", 0, 0, ArimaOrder.MAX_D, "Differences when auto is false"),
      Param.integer("q", 0, 0, ArimaOrder.MAX_LAGS, "MA order when auto is false"),
      Param.integer("max_p", 3, 0, ArimaOrder.MAX_LAGS, "Largest AR order the automatic search tries"),
      Param.integer("max_q", 3, 0, ArimaOrder.MAX_LAGS, "Largest MA order the automatic search tries"),
      Param.integer("max_d", 1, 0, ArimaOrder.MAX_D, "Most differences the KPSS tests may ask for"),
      Param.integer("window", 2_000, 10, 10_000_000, "Fit on the last this many training rows")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("auto", false, "p", 1, "d", 0, "q", 0, "window", 5_000),
      "balanced", Map.of(),
      "aggressive", Map.of("max_p", 5, "max_q", 5, "window", 500));

  public ArimaFamily() {
    super(NAME, Set.of(Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new ArimaTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return ArimaSignalModel.load(in);
  }
}
