package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.quiver.error.InternalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam (beta1 0.9, beta2 0.999, epsilon 1e-8, L2 weight decay added to the gradient, as DJL's
 * Adam, through the same fused libtorch update) whose state, the first and second moment of every
 * parameter and its step count, can be written to bytes and read back, so a run resumed from a
 * checkpoint continues exactly where it stopped. The moments live in {@code state}, a manager the
 * trainer closes after the fit. Not thread-safe (one trainer steps it).
 */
final class ResumableAdam extends ai.djl.training.optimizer.Optimizer {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final NDManager state;
  private final Map<String, NDArray> means = new TreeMap<>();
  private final Map<String, NDArray> variances = new TreeMap<>();
  private final Map<String, Integer> steps = new TreeMap<>();

  ResumableAdam(float learningRate, float weightDecay, NDManager state) {
    super(new Builder().optWeightDecays(weightDecay));
    this.learningRate = learningRate;
    this.state = state;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = steps.merge(parameterId, 1, Integer::sum);
    NDArray mean = means.computeIfAbsent(parameterId, k -> attached(weight.zerosLike()));
    NDArray variance = variances.computeIfAbsent(parameterId, k -> attached(weight.zerosLike()));
    double coef1 = 1.0 - Math.pow(BETA1, t);
    double coef2 = 1.0 - Math.pow(BETA2, t);
    float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight), learningRate, corrected,
        getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
  }

  private NDArray attached(NDArray a) {
    a.attach(state);
    return a;
  }

  /**
   * Step counts and moments of the parameters {@code ids} (the block's parameters in their fixed
   * order: ids are random per block, so a rebuilt block is matched by position).
   */
  byte[] save(List<String> ids) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(ids.size());
      for (String id : ids) {
        Integer t = steps.get(id);
        out.writeInt(t == null ? 0 : t);
        if (t != null) {
          write(out, means.get(id));
          write(out, variances.get(id));
        }
      }
    } catch (IOException e) {
      throw new InternalException("cannot write the optimizer state: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** Replaces this optimizer's state with one {@link #save} wrote for a block of the same architecture, whose parameters are now {@code ids}. */
  void load(byte[] saved, List<String> ids) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
      int n = in.readInt();
      if (n != ids.size()) throw new InternalException("optimizer state for " + n + " parameters, the net has " + ids.size());
      for (String id : ids) {
        int t = in.readInt();
        if (t == 0) continue;
        steps.put(id, t);
        means.put(id, read(in));
        variances.put(id, read(in));
      }
    } catch (IOException e) {
      throw new InternalException("cannot read the optimizer state: " + e.getMessage(), e);
    }
  }

  private static void write(DataOutputStream out, NDArray a) throws IOException {
    byte[] b = a.encode();
    out.writeInt(b.length);
    out.write(b);
  }

  private NDArray read(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return NDArray.decode(state, b);
  }

  /** The optimizer builder DJL's base class takes (weight decay, no clipping, gradients not rescaled). */
  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
