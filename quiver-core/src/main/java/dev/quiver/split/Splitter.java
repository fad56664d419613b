package dev.quiver.split;

import dev.quiver.dataset.Dataset;
import java.util.List;

/**
 * Cuts rows into folds; deterministic (the same rows always give the same folds). Every splitter
 * works on a {@link Timeline}, so a dataset and a bare row count ({@code quiver split --rows})
 * go through the same code.
 */
public interface Splitter {

  /** The folds of these rows, in order. */
  List<Fold> folds(Timeline rows);

  /** The folds of a dataset's rows, purged with its label ends. */
  default List<Fold> folds(Dataset data) {
    return folds(Timeline.of(data));
  }
}
