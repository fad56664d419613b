package dev.quiver.deep;

import dev.quiver.model.Param;
import dev.quiver.model.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What distinguishes one deep family from another: its name, its own parameters (added to the
 * {@link #COMMON} training parameters, and for sequence families to the {@link #SEQUENCE}
 * window parameters), its variants and its network. Everything else (training loop, early
 * stopping, save/load) is shared by {@link NetTrainer} and {@link NetModel}. The network comes
 * from a supplier so that building a spec (which {@link java.util.ServiceLoader} does for every
 * family) loads no DJL class.
 */
record NetSpec(String name, boolean sequence, Params defaults, Map<String, Map<String, Object>> variants, Supplier<Architecture> network) {

  /** Training parameters every deep family has. */
  static final List<Param> COMMON = List.of(
      Param.integer("epochs", 30, 1, 100_000, "most passes over the training samples"),
      Param.integer("batch_size", 256, 2, 1 << 20, "samples per optimizer step (the last, smaller batch of an epoch is used too unless it has 1 sample)"),
      Param.real("learning_rate", 1e-3, 1e-7, 1.0, "Adam step size"),
      Param.real("weight_decay", 0.0, 0.0, 1.0, "L2 weight decay applied by Adam"),
      Param.integer("patience", 5, 0, 100_000, "epochs without a better validation loss before stopping; 0 runs every epoch and keeps the last"),
      Param.real("dropout", 0.1, 0.0, 0.9, "dropout rate between layers"),
      Param.choice("device", "cpu", List.of("cpu", "gpu"),
          "cpu, or gpu when libtorch sees a CUDA device (PYTORCH_LIBRARY_PATH pointing at a CUDA libtorch); otherwise falls back to cpu with a warning"),
      Param.integer("checkpoint_every", 0, 0, 1_000_000, "write a checkpoint into checkpoint_dir after every N epochs; 0 never"),
      new Param("checkpoint_dir", "", "directory of the checkpoints (needed by checkpoint_every and resume)", 0, 0, List.of()),
      Param.flag("resume", false, "continue from the newest checkpoint in checkpoint_dir of a fit with the same family, parameters, data, seed and threads (none: start afresh)"));

  /** Window parameters of the sequence families. */
  static final List<Param> SEQUENCE = List.of(
      Param.integer("lookback", 30, 2, 4096, "bars per window, ending at (and including) the predicted row"),
      Param.real("gap_break", 5.0, 0.0, 1e9,
          "a window never spans two bars of a symbol more than gap_break x that symbol's smallest bar spacing apart (a session gap); 0 lets windows cross gaps. Windows never cross symbols"));

  NetSpec {
    variants = Map.copyOf(variants);
  }

  static Params declare(boolean sequence, List<Param> own) {
    List<Param> all = new ArrayList<>(COMMON);
    if (sequence) all.addAll(SEQUENCE);
    all.addAll(own);
    return Params.declare(all);
  }

  Architecture architecture() {
    return network.get();
  }

  int lookback(Params p) {
    return sequence ? p.getInt("lookback") : 0;
  }

  double gapBreak(Params p) {
    return sequence ? p.getDouble("gap_break") : 0.0;
  }
}
