package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.quiver.error.InternalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A block's parameters (and batch-norm running statistics) as DJL's parameter stream, in memory:
 * the saved {@value NetModel#PARAMS} file and the best-epoch copy early stopping keeps.
 */
final class ParameterBytes {

  private ParameterBytes() {}

  static byte[] of(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new InternalException("cannot copy the net's parameters: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** Loads {@code parameters} into an initialized {@code block} of the same architecture. */
  static void restore(Block block, NDManager manager, byte[] parameters) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new InternalException("cannot restore the net's parameters: " + e.getMessage(), e);
    }
  }

  /**
   * A PyTorch model named {@code name} on {@code device} holding {@code block}, initialized (float32)
   * for inputs of {@code shape} and loaded with {@code parameters}; the model is closed again when
   * loading fails. The caller owns (closes) the model returned.
   */
  static Model model(String name, Device device, Block block, Shape shape, byte[] parameters) {
    Model model = Model.newInstance(name, device, "PyTorch");
    boolean ok = false;
    try {
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, shape);
      restore(block, model.getNDManager(), parameters);
      ok = true;
      return model;
    } finally {
      if (!ok) model.close();
    }
  }
}
