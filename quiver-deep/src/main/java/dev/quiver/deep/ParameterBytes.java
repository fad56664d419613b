package dev.quiver.deep;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
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
}
