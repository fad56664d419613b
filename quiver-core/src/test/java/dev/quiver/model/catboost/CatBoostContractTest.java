package dev.quiver.model.catboost;

import dev.quiver.model.ModelFamily;
import dev.quiver.testing.FamilyContract;

/** The catboost family passes what every family must: planted signals, honest next-bar AUC, save/load, seed, variants. */
class CatBoostContractTest extends FamilyContract {

  @Override
  protected ModelFamily family() {
    return new CatBoostFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"l2_leaf_reg", "l2_leaf_regg"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"depth", "17"};
  }
}
