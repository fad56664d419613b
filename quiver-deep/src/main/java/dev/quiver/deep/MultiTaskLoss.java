package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The weighted loss of a net with one output per head: head 0 a logit against a 0/1 target
 * (binary cross-entropy on logits), every other head a standardized forecast against a
 * standardized target (squared error). Labels are {@code (target, mask)}, both {@code (batch,
 * heads)}: a cell with mask 0 (a row the head's label does not define; its target must be finite,
 * e.g. 0) adds nothing. The result is {@code sum_ij weight_j * mask_ij * loss_ij / batch}.
 * Immutable.
 */
final class MultiTaskLoss extends Loss {

  private final float[] weights;
  private final float[] binary;

  MultiTaskLoss(float[] weights) {
    super("multitask");
    this.weights = weights.clone();
    this.binary = new float[weights.length];
    binary[0] = 1f;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray z = predictions.singletonOrThrow();
    NDArray target = labels.get(0);
    NDArray mask = labels.get(1);
    NDArray isBinary = z.getManager().create(binary).reshape(1, binary.length);
    NDArray w = z.getManager().create(weights).reshape(1, weights.length);
    NDArray crossEntropy = z.maximum(0f).sub(z.mul(target)).add(z.abs().neg().exp().add(1f).log());
    NDArray squared = z.sub(target).square();
    NDArray cell = crossEntropy.mul(isBinary).add(squared.mul(isBinary.neg().add(1f)));
    return cell.mul(mask).mul(w).sum().div((float) z.getShape().get(0));
  }
}
