package dev.quiver.registry;

import java.time.Instant;

/**
 * One entry of a name's history, in time order: {@code event} is registered, imported, alias,
 * alias_removed, tagged, untagged, archived, deleted or retention; {@code detail} says what, in words.
 */
public record HistoryEvent(Instant at, String name, String version, String event, String detail) {}
