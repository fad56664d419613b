package dev.quiver.deep;

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
 * {@code vae}: a {@link Vae} fitted without labels on the training rows' features (the validation
 * rows early-stop it), then a supervised head on {@code [standardized features, latent mean,
 * anomaly score]} (see {@link Vae#withFeatures}); predictions are the head's. The head is {@code
 * linear} (the core {@code logistic} family for binary targets, {@code ridge} for regression) or
 * {@code mlp} (the {@code mlp} family, {@code head_epochs} epochs). The learning curve is the VAE
 * stage's (metric {@code vae_loss}: squared reconstruction error summed over the standardized
 * features plus beta x KL, per row); checkpoints and resume cover the VAE stage.
 *
 * <p>Variants: {@code conservative} (2 latent, 16 hidden, beta 2), {@code balanced} (4 latent, 32
 * hidden, beta 1, linear head), {@code aggressive} (8 latent, 64 hidden, beta 0.5, mlp head).
 * Constructing one loads no DJL class.
 */
public final class VaeFamily extends DeclaredFamily {

  public static final String NAME = "vae";

  private static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("latent", 4, 1, 4096, "latent dimensions"),
      Param.integer("hidden", 32, 1, 65_536, "hidden units of the encoder and of the decoder"),
      Param.real("beta", 1.0, 0.0, 1e6, "weight of the KL term in the VAE loss"),
      Param.integer("epochs", 30, 1, 100_000, "most passes of the VAE over the training rows"),
      Param.integer("batch_size", 256, 2, 1 << 20, "rows per VAE optimizer step"),
      Param.real("learning_rate", 1e-3, 1e-7, 1.0, "Adam step size of the VAE"),
      Param.integer("patience", 5, 0, 100_000, "VAE epochs without a better validation loss before stopping; 0 runs every epoch"),
      Param.choice("head", "linear", List.of("linear", "mlp"),
          "supervised model on [features, latent, anomaly]: linear (logistic for binary, ridge for regression) or mlp"),
      Param.integer("head_epochs", 20, 1, 100_000, "epochs of the mlp head"),
      Param.choice("device", "cpu", List.of("cpu", "gpu"),
          "cpu, or gpu when libtorch sees a CUDA device (PYTORCH_LIBRARY_PATH pointing at a CUDA libtorch); otherwise falls back to cpu with a warning"),
      Param.integer("checkpoint_every", 0, 0, 1_000_000, "write a VAE checkpoint into checkpoint_dir after every N epochs; 0 never"),
      new Param("checkpoint_dir", "", "directory of the VAE checkpoints (needed by checkpoint_every and resume)", 0, 0, List.of()),
      Param.flag("resume", false, "continue the VAE stage from the newest checkpoint in checkpoint_dir of a fit with the same parameters, data, seed and threads")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("latent", 2, "hidden", 16, "beta", 2.0),
      "balanced", Map.of(),
      "aggressive", Map.of("latent", 8, "hidden", 64, "beta", 0.5, "head", "mlp"));

  public VaeFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public String description() {
    return "variational autoencoder (latent features + reconstruction-error anomaly score) under a linear or mlp head";
  }

  @Override
  protected void validate(Params p) {
    Checkpoints.requireDirectory(NAME, p);
  }

  @Override
  public Trainer trainer(Params params) {
    return new VaeTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return VaeModel.load(DEFAULTS, in);
  }
}
