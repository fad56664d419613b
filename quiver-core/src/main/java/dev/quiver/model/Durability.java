package dev.quiver.model;

/**
 * How hard a write tries to survive failures. Both levels write to a temporary place and rename,
 * so a crashed PROCESS leaves the old state or the new one. {@link #FSYNC} also forces every file
 * and folder to disk before the rename and after it, so a power loss or kernel crash does too;
 * {@link #NO_FSYNC} is for scratch stores (benchmarks, bulk loads into a throw-away registry).
 */
public enum Durability { FSYNC, NO_FSYNC }
