package dev.quiver.deep;

import dev.quiver.model.ModelFamily;
import dev.quiver.testing.FamilyContract;

class MlpFamilyTest extends FamilyContract {

  @Override
  protected ModelFamily family() {
    return new MlpFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"hidden", "hiden"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"dropout", "0.95"};
  }
}
