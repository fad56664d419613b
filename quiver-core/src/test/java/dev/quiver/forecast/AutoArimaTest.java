package dev.quiver.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoArimaTest {

  private static JsonNode reference() throws Exception {
    try (InputStream in = AutoArimaTest.class.getResourceAsStream("/forecast/arima_reference.json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static double[] series(JsonNode root, String name) {
    for (JsonNode c : root.get("cases")) {
      if (c.get("name").asText().equals(name)) {
        double[] y = new double[c.get("y").size()];
        for (int i = 0; i < y.length; i++) y[i] = c.get("y").get(i).asDouble();
        return y;
      }
    }
    throw new AssertionError("no case " + name);
  }

  @Test
  void kpss_statistic_matches_statsmodels_on_closes_and_returns() throws Exception {
    JsonNode root = reference();
    JsonNode k = root.get("kpss");
    double[] closes = series(root, "futures_close_arima111");
    double[] returns = series(root, "futures_log_returns_ar2");
    assertThat(Kpss.lags(closes.length)).isEqualTo(k.get("lags").asInt());
    assertThat(Kpss.statistic(closes, closes.length, k.get("lags").asInt())).isCloseTo(k.get("futures_close").asDouble(), within(1e-9));
    assertThat(Kpss.statistic(returns, returns.length, k.get("returns_lags").asInt())).isCloseTo(k.get("futures_log_returns").asDouble(), within(1e-9));
    assertThat(Kpss.rejectsStationarity(closes, closes.length)).isTrue();
    assertThat(Kpss.rejectsStationarity(returns, returns.length)).isFalse();
  }

  @Test
  void differences_prices_once_and_returns_never() throws Exception {
    JsonNode root = reference();
    AutoArima.Result prices = AutoArima.fit(series(root, "futures_close_arima111"), AutoArimaOptions.defaults());
    AutoArima.Result returns = AutoArima.fit(series(root, "futures_log_returns_ar2"), AutoArimaOptions.defaults());
    assertThat(prices.best().order().d()).isEqualTo(1);
    assertThat(prices.kpss()).hasSize(2);
    assertThat(returns.best().order().d()).isZero();
    assertThat(returns.kpss()).hasSize(1);
  }

  @Test
  void stepwise_picks_the_minimum_aic_of_the_orders_it_tried_and_full_grid_tries_every_order() throws Exception {
    double[] y = series(reference(), "simulated_ar2");
    AutoArima.Result stepwise = AutoArima.fit(y, AutoArimaOptions.defaults());
    double min = Double.POSITIVE_INFINITY;
    Set<ArimaOrder> orders = new HashSet<>();
    for (AutoArima.Candidate c : stepwise.tried()) {
      assertThat(orders.add(c.order())).as("each order fitted once").isTrue();
      if (c.aic() < min) min = c.aic();
    }
    assertThat(stepwise.best().aic()).isEqualTo(min);
    assertThat(stepwise.tried().size()).isLessThan(16);

    AutoArima.Result grid = AutoArima.fit(y, new AutoArimaOptions(3, 3, 1, -1, true));
    assertThat(grid.tried()).hasSize(16);
    assertThat(grid.best().aic()).isLessThanOrEqualTo(stepwise.best().aic());
    // the series is a simulated AR(2) with a mean: both searches find an order with p >= 2 and the data's d = 0
    assertThat(stepwise.best().order().d()).isZero();
    assertThat(stepwise.best().order().p()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void a_fixed_d_skips_the_unit_root_test() throws Exception {
    double[] y = series(reference(), "futures_log_returns_ar2");
    AutoArima.Result r = AutoArima.fit(y, new AutoArimaOptions(1, 1, 1, 1, true));
    assertThat(r.kpss()).isEmpty();
    assertThat(r.tried()).allSatisfy(c -> assertThat(c.order().d()).isEqualTo(1));
  }
}
