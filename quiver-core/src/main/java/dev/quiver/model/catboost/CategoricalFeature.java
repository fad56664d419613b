package dev.quiver.model.catboost;

/** A categorical input column ({@code column}, 0-based) and the target statistics that replace its codes at prediction. */
record CategoricalFeature(int column, CategoryStatistics statistics) {}
