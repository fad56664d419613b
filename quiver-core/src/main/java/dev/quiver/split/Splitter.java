package dev.quiver.split;

import dev.quiver.dataset.Dataset;
import java.util.List;

/** Cuts a dataset into folds of row ranges; deterministic (same dataset, same folds). */
public interface Splitter {

  List<Fold> folds(Dataset data);
}
