package dev.quiver.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks fits against statsmodels 0.13.5 {@code ARIMA(y, order).fit()} on real series (log
 * returns and closes of the bundled futures and daily index data) and a simulated AR(2); the
 * expected values are in {@code forecast/arima_reference.json}, written by
 * {@code bench/peer/arima_reference.py}.
 *
 * <p>The script fits statsmodels on the standardised series and maps the results back, and for
 * d >= 1 removes the approximately-diffuse start's leak, so that its numbers are the exact
 * convention of {@link ArimaModel} (see the script's docstring). Tolerances: both optimisers stop
 * at finite precision and statsmodels' L-BFGS stops early on flat ARMA surfaces, so llf at least
 * statsmodels' minus 1e-4 and at most 5e-3 above it; const, ar and ma within a tenth of their standard
 * error (a near-cancelling ARMA(1,1) is weakly identified: its likelihood is flat along a ridge),
 * sigma2 within 0.5% relative; AIC/BIC/AICc within 1e-2; forecasts within 1% of a
 * forecast standard error; forecast standard errors within 0.5% relative; parameter standard errors
 * (numerical Hessians on both sides) within 5% relative.
 */
class ArimaReferenceTest {

  static Stream<JsonNode> cases() throws Exception {
    try (InputStream in = ArimaReferenceTest.class.getResourceAsStream("/forecast/arima_reference.json")) {
      JsonNode root = Json.MAPPER.readTree(in);
      List<JsonNode> out = new ArrayList<>();
      root.get("cases").forEach(out::add);
      return out.stream();
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fit_matches_statsmodels(JsonNode c) {
    double[] y = doubles(c.get("y"));
    JsonNode o = c.get("order");
    ArimaModel m = Arima.fit(y, new ArimaOrder(o.get(0).asInt(), o.get(1).asInt(), o.get(2).asInt()));
    List<String> names = new ArrayList<>();
    c.get("param_names").forEach(n -> names.add(n.asText()));
    assertThat(m.paramNames()).containsExactlyElementsOf(names);

    double expectedLlf = c.get("llf").asDouble();
    assertThat(m.llf()).as("llf").isBetween(expectedLlf - 1e-4, expectedLlf + 5e-3);
    assertThat(m.aic()).as("aic").isCloseTo(c.get("aic").asDouble(), within(1e-2));
    assertThat(m.bic()).as("bic").isCloseTo(c.get("bic").asDouble(), within(1e-2));
    assertThat(m.aicc()).as("aicc").isCloseTo(c.get("aicc").asDouble(), within(1e-2));
    assertThat(m.aic() - m.bic()).as("aic - bic").isCloseTo(c.get("aic").asDouble() - c.get("bic").asDouble(), within(1e-9));

    double[] expected = doubles(c.get("params"));
    double[] bse = doubles(c.get("bse"));
    double[] got = m.params();
    double[] gotSe = m.standardErrors();
    for (int i = 0; i < expected.length; i++) {
      String name = names.get(i);
      if (name.equals("sigma2")) {
        assertThat(got[i] / expected[i]).as(name).isCloseTo(1.0, within(5e-3));
      } else if (name.equals("const")) {
        assertThat(got[i]).as(name).isCloseTo(expected[i], within(0.1 * bse[i]));
      } else {
        assertThat(got[i]).as(name).isCloseTo(expected[i], within(0.1 * bse[i]));
      }
      assertThat(gotSe[i] / bse[i]).as("standard error of " + name).isCloseTo(1.0, within(0.05));
    }

    double[] fc = doubles(c.get("forecast"));
    double[] fcSe = doubles(c.get("forecast_se"));
    ArimaForecast f = m.forecast(fc.length);
    for (int h = 0; h < fc.length; h++) {
      assertThat(f.mean()[h]).as("forecast h=" + (h + 1)).isCloseTo(fc[h], within(1e-2 * fcSe[h]));
      assertThat(f.se()[h] / fcSe[h]).as("forecast se h=" + (h + 1)).isCloseTo(1.0, within(0.005));
    }
  }
}
