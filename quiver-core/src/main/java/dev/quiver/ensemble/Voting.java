package dev.quiver.ensemble;

/**
 * How a {@link VotingEnsemble} turns member predictions into one. {@link #SOFT}: the weighted
 * mean of the members' values (probabilities for binary, forecasts for regression). {@link
 * #HARD} (binary only): each member votes class 1 when its probability is at least 0.5, and the
 * ensemble's value is the weight voting 1 over the total weight, so it is above 0.5 exactly when a
 * weighted majority votes 1.
 */
public enum Voting {
  SOFT,
  HARD
}
