package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A variational autoencoder's network. Input {@code (batch, features)}; output one array {@code
 * (batch, features + 2 * latent)}: the reconstruction, then the latent mean, then the latent log
 * variance (clipped to [-10, 10]). In training the decoder reads {@code mean + exp(logvar / 2) * e},
 * e ~ N(0, 1) from libtorch's generator (seeded by the trainer); in inference it reads the mean,
 * so inference is deterministic.
 */
final class VaeBlock extends AbstractBlock {

  private final int features;
  private final int latent;
  private final SequentialBlock encoder;
  private final SequentialBlock decoder;

  VaeBlock(int features, int hidden, int latent) {
    super((byte) 1);
    this.features = features;
    this.latent = latent;
    this.encoder = addChildBlock("encoder", new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(2L * latent).build()));
    this.decoder = addChildBlock("decoder", new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(features).build()));
  }

  int width() {
    return features + 2 * latent;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = encoder.forward(store, inputs, training).singletonOrThrow();
    NDArray mean = h.get(new NDIndex(":, 0:" + latent));
    NDArray logVar = h.get(new NDIndex(":, " + latent + ":")).clip(-10f, 10f);
    NDArray z = training ? mean.add(logVar.mul(0.5f).exp().mul(h.getManager().randomNormal(mean.getShape()))) : mean;
    NDArray reconstruction = decoder.forward(store, new NDList(z), training).singletonOrThrow();
    return new NDList(NDArrays.concat(new NDList(reconstruction, mean, logVar), 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), width())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes[0]);
    decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latent));
  }
}
