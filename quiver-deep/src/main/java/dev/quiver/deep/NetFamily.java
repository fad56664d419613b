package dev.quiver.deep;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.Map;
import java.util.Set;

/**
 * A deep family: binary (sigmoid output, log loss) and regression (standardized target, squared
 * error), trained by {@link NetTrainer}, saved and loaded by {@link NetModel}. Subclasses only
 * name their {@link NetSpec}. Constructing one loads no DJL or native class: the engine starts in
 * {@link Trainer#fit} or {@link #load}.
 */
abstract class NetFamily implements ModelFamily {

  private final NetSpec spec;

  NetFamily(NetSpec spec) {
    this.spec = spec;
  }

  NetSpec spec() {
    return spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.BINARY, Task.REGRESSION);
  }

  @Override
  public Set<String> variants() {
    return spec.variants().keySet();
  }

  @Override
  public Params params(String variant, Map<String, String> overrides) {
    Params p = spec.defaults().variant(spec.name(), spec.variants(), variant, overrides);
    Checkpoints.requireDirectory(spec.name(), p);
    return p;
  }

  @Override
  public Trainer trainer(Params params) {
    return new NetTrainer(spec, params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return NetModel.load(spec, spec.defaults(), in);
  }
}
