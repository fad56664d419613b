package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention with a causal mask: step t attends to steps 0..t only (scores of
 * later steps get -1e9 before the softmax), so a window's representation at each step never
 * reads a later bar. Input and output (batch, time, model); scores scaled by 1/sqrt(model/heads).
 */
final class CausalSelfAttention extends AbstractBlock {

  private final int model;
  private final int heads;
  private final Linear projectIn;
  private final Linear projectOut;

  CausalSelfAttention(int model, int heads) {
    super((byte) 1);
    if (model % heads != 0) throw new IllegalArgumentException("model width " + model + " is not a multiple of " + heads + " heads");
    this.model = model;
    this.heads = heads;
    this.projectIn = addChildBlock("qkv", Linear.builder().setUnits(3L * model).build());
    this.projectOut = addChildBlock("out", Linear.builder().setUnits(model).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    int time = (int) x.getShape().get(1);
    long width = model / heads;
    NDArray qkv = projectIn.forward(store, new NDList(x), training).singletonOrThrow()
        .reshape(batch, time, 3, heads, width).transpose(2, 0, 3, 1, 4);
    NDArray q = qkv.get(0);
    NDArray k = qkv.get(1);
    NDArray v = qkv.get(2);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(width)).add(mask(x.getManager(), time));
    NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, time, model);
    return projectOut.forward(store, new NDList(attended), training);
  }

  private static NDArray mask(NDManager manager, int time) {
    float[] m = new float[time * time];
    for (int i = 0; i < time; i++) for (int j = i + 1; j < time; j++) m[i * time + j] = -1e9f;
    return manager.create(m, new Shape(time, time));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    projectIn.initialize(manager, dataType, inputShapes[0]);
    projectOut.initialize(manager, dataType, inputShapes[0]);
  }
}
