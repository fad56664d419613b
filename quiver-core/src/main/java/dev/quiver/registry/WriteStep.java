package dev.quiver.registry;

/**
 * The steps of a registry write, reported in this order to the observer given to {@link
 * ModelRegistry#create(java.nio.file.Path, dev.quiver.model.Durability, java.util.function.Consumer)}.
 * A crash after any step leaves the registry as before the write, except after {@link #COMMITTED},
 * which leaves the new version whole.
 */
public enum WriteStep {
  /** The model's files and manifest are written (and synced) in a private staging folder. */
  STAGED,
  /** Under the index's write lock: model.json and checksums.sha256 are written and synced in the staging folder. */
  CARD_WRITTEN,
  /** The staging folder is renamed to its final place; the index does not list it yet. */
  RENAMED,
  /** The index row is committed: the version exists. */
  COMMITTED
}
