package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
    return outputs(block, parent, samples, 1);
  }

  /** The net's {@code width} outputs per sample, row-major: sample i's output j at {@code i * width + j}. */
  static float[] outputs(Block block, NDManager parent, Samples samples, int width) {
    int n = samples.count();
    float[] out = new float[n * width];
    int size = samples.size();
    float[] buf = new float[Math.min(n, CHUNK) * size];
    ByteBuffer direct = directBuffer(buf.length);
    for (int from = 0; from < n; from += CHUNK) {
      int m = Math.min(CHUNK, n - from);
      samples.fill(null, from, m, buf);
      try (NDManager sub = parent.newSubManager()) {
        NDArray x = sub.create(direct(direct, buf, m * size), shape(samples, m), DataType.FLOAT32);
        NDList y = block.forward(new ParameterStore(sub, false), new NDList(x), false);
        float[] v = y.singletonOrThrow().toFloatArray();
        System.arraycopy(v, 0, out, from * width, m * width);
      }
    }
    return out;
  }

  /** A native-order direct buffer for {@code floats} floats, which libtorch reads without another copy in Java. */
  static ByteBuffer directBuffer(int floats) {
    return ByteBuffer.allocateDirect(Math.max(1, floats) * Float.BYTES).order(ByteOrder.nativeOrder());
  }

  /** {@code values[0..n)} written into {@code direct}, which is returned ready to read (position 0, limit n floats). */
  static ByteBuffer direct(ByteBuffer direct, float[] values, int n) {
    direct.clear();
    direct.asFloatBuffer().put(values, 0, n);
    direct.limit(n * Float.BYTES);
    return direct;
  }

  static Shape shape(Samples samples, long batch) {
    return samples.lookback() == 0 ? new Shape(batch, samples.cols()) : new Shape(batch, samples.lookback(), samples.cols());
  }
}
