package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.deep.TorchRuntime;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ModelFamilies;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quiver train --device cpu|gpu}: sets the {@code device} parameter of every model whose
 * family declares one (the deep families) and leaves the others alone. For gpu it asks libtorch
 * once whether it sees a CUDA device and, when not, prints the fallback warning (the fits then run
 * on CPU). Stateless.
 */
final class DeviceFlag {

  static final String PARAM = "device";

  private DeviceFlag() {}

  static List<ExperimentConfig.ModelSpec> apply(String device, List<ExperimentConfig.ModelSpec> models, ModelFamilies families, PrintWriter err) {
    if (!device.equals("cpu") && !device.equals("gpu")) {
      throw new BadInputException(Where.cell("--device", 0, ""), "--device " + device + " is not cpu or gpu", "write --device cpu or --device gpu");
    }
    List<ExperimentConfig.ModelSpec> out = new ArrayList<>();
    boolean any = false;
    for (ExperimentConfig.ModelSpec m : models) {
      if (!families.get(m.family()).params("balanced", Map.of()).values().containsKey(PARAM)) {
        out.add(m);
        continue;
      }
      any = true;
      Map<String, Object> params = new LinkedHashMap<>(m.params() == null ? Map.of() : m.params());
      params.put(PARAM, device);
      out.add(new ExperimentConfig.ModelSpec(m.family(), m.variant(), m.name(), params));
    }
    if (!any) {
      err.println("warning: --device " + device + " changes nothing: none of the models (" + String.join(", ", models.stream().map(ExperimentConfig.ModelSpec::family).distinct().toList())
          + ") is a deep family");
    } else if (device.equals("gpu")) {
      TorchRuntime.DeviceChoice choice = TorchRuntime.device(device);
      if (choice.fellBack()) err.println("warning: " + choice.warning());
    }
    err.flush();
    return out;
  }
}
