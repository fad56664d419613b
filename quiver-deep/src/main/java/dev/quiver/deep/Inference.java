package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * Runs a net forward in inference mode (dropout off, batch norm on its running statistics) over
 * samples, in chunks of {@value #CHUNK}, each chunk's arrays freed as soon as its outputs are
 * copied out. Safe to call from several threads on one block: nothing but the parameters is
 * shared, and they are only read.
 */
final class Inference {

  static final int CHUNK = 1024;

  private Inference() {}

  /** The net's raw output (a logit, or a standardized forecast) for every sample. */
  static float[] outputs(Block block, NDManager parent, Samples samples) {
    int n = samples.count();
    float[] out = new float[n];
    int size = samples.size();
    float[] buf = new float[Math.min(n, CHUNK) * size];
    for (int from = 0; from < n; from += CHUNK) {
      int m = Math.min(CHUNK, n - from);
      samples.fill(null, from, m, buf);
      try (NDManager sub = parent.newSubManager()) {
        NDArray x = sub.create(FloatBuffer.wrap(buf, 0, m * size), shape(samples, m));
        NDList y = block.forward(new ParameterStore(sub, false), new NDList(x), false);
        float[] v = y.singletonOrThrow().toFloatArray();
        System.arraycopy(v, 0, out, from, m);
      }
    }
    return out;
  }

  static Shape shape(Samples samples, long batch) {
    return samples.lookback() == 0 ? new Shape(batch, samples.cols()) : new Shape(batch, samples.lookback(), samples.cols());
  }
}
