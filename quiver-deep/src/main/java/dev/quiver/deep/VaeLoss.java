package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * The loss of a {@link VaeBlock}: per sample, the squared reconstruction error summed over the
 * features plus {@code beta} times the KL divergence of N(mean, exp(logvar)) from N(0, 1), averaged
 * over the batch. Labels: the standardized input {@code (batch, features)}. Immutable.
 */
final class VaeLoss extends Loss {

  private final int features;
  private final int latent;
  private final float beta;

  VaeLoss(int features, int latent, float beta) {
    super("vae");
    this.features = features;
    this.latent = latent;
    this.beta = beta;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray out = predictions.singletonOrThrow();
    NDArray x = labels.singletonOrThrow();
    NDArray reconstruction = out.get(new NDIndex(":, 0:" + features));
    NDArray mean = out.get(new NDIndex(":, " + features + ":" + (features + latent)));
    NDArray logVar = out.get(new NDIndex(":, " + (features + latent) + ":"));
    NDArray squared = reconstruction.sub(x).square().sum(new int[] {1});
    NDArray kl = logVar.add(1f).sub(mean.square()).sub(logVar.exp()).sum(new int[] {1}).mul(-0.5f);
    return squared.add(kl.mul(beta)).mean();
  }
}
