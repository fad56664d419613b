package dev.quiver.cli;

/** How a command prints data: a table for people, JSON for scripts. */
public enum OutputFormat { TEXT, JSON }
