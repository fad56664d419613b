package dev.quiver.model;

import java.util.List;
import java.util.Map;

/**
 * A fitted model that forecasts more than its one {@link FittedModel#predict} value: the heads of
 * a multi-task model (e.g. {@code tth} in bars, {@code mdd} and {@code mfe} as fractions of the
 * entry close), or the latent features of an autoencoder ({@code vae_z0 ..}, {@code vae_anomaly}).
 * {@code quiver predict} writes one extra column per head. Implementations are
 * thread-safe as their {@code predict} is.
 */
public interface MultiOutput {

  /** Head names in column order. */
  List<String> headNames();

  /**
   * The auxiliary label each head learned, by head name in {@link #headNames} order, as the spec
   * the family asked for ({@link ModelFamily#auxiliaryLabels}: {@code H} = the main label's horizon);
   * a head that learned no label (an unsupervised output) is absent.
   */
  Map<String, String> headLabels();

  /** Every head's forecast for every row of {@code x} (the model's feature columns), keyed by head name in {@link #headNames} order. */
  Map<String, double[]> heads(Matrix x);
}
