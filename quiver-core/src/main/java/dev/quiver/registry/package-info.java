/**
 * The model registry: versioned, checksummed model folders plus a SQLite index, on local disk.
 * {@link dev.quiver.registry.ModelRegistry} is the entry point; {@link
 * dev.quiver.registry.VersionRules} gives the semantic-versioning rules; {@link
 * dev.quiver.registry.ModelCard} is each version's {@code model.json}.
 */
package dev.quiver.registry;
