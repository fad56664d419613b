package dev.quiver.deep;

import ai.djl.nn.Block;
import dev.quiver.model.Params;

/**
 * Builds a family's network from its parameters: input {@code (batch, features)} for tabular
 * families, {@code (batch, lookback, features)} for sequence families; output {@code (batch, 1)},
 * a logit for binary targets and the standardized forecast for regression. Building is pure
 * Java (no native call); the block is initialized later by the trainer or the loader.
 */
@FunctionalInterface
interface Architecture {

  Block build(Params params, int features);
}
