package dev.quiver.registry;

import java.util.Locale;
import java.util.Map;

/**
 * The kind of a model family, the first folder of the registry layout ({@code
 * models/{kind}/...}): gbdt, linear, deep, ensemble, statistical, rl, or {@value #OTHER} for a
 * family not listed here.
 */
public final class ModelKinds {

  public static final String OTHER = "other";

  private static final Map<String, String> KIND = Map.ofEntries(
      Map.entry("lightgbm", "gbdt"), Map.entry("xgboost", "gbdt"), Map.entry("catboost", "gbdt"),
      Map.entry("random_forest", "gbdt"), Map.entry("lightgbm_rf", "gbdt"), Map.entry("xgboost_rf", "gbdt"),
      Map.entry("logistic", "linear"), Map.entry("linear", "linear"), Map.entry("ridge", "linear"),
      Map.entry("lasso", "linear"), Map.entry("elastic_net", "linear"), Map.entry("ftrl", "linear"),
      Map.entry("mlp", "deep"), Map.entry("lstm", "deep"), Map.entry("cnn1d", "deep"), Map.entry("cnn_lstm", "deep"),
      Map.entry("transformer", "deep"), Map.entry("multitask", "deep"), Map.entry("vae", "deep"), Map.entry("gan", "deep"),
      Map.entry("ensemble", "ensemble"), Map.entry("voting", "ensemble"), Map.entry("stacking", "ensemble"),
      Map.entry("regime", "ensemble"), Map.entry("caruana", "ensemble"), Map.entry("dynamic", "ensemble"),
      Map.entry("nonneg_linear", "linear"), Map.entry("gmm_regime", "statistical"), Map.entry("cascade", "ensemble"),
      Map.entry("gmm", "statistical"), Map.entry("change_point", "statistical"), Map.entry("arima", "statistical"),
      Map.entry("dqn", "rl"), Map.entry("ppo", "rl"), Map.entry("a2c", "rl"));

  private ModelKinds() {}

  /** The kind of {@code family} (case-insensitive). */
  public static String of(String family) {
    return KIND.getOrDefault(family.toLowerCase(Locale.ROOT), OTHER);
  }
}
