package dev.quiver.cli;

import dev.quiver.error.Problem;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.VerifyReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver models verify [REF]}: check every file of every version (or of one) against its SHA-256. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check every registered version's files (active and archived) against checksums.sha256, and that file",
        "against the index. Exit 0 when all check out, 2 naming each missing, changed, truncated or unexpected file.",
        "Folders the index does not list (left by an interrupted write) are reported as notes; --repair removes them."})
public final class ModelsVerifyCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME[@VERSION|@ALIAS]", description = "Only this version.")
  String ref;

  @Option(names = "--repair", description = "Remove folders the index does not list and staging folders of dead writers.")
  boolean repair;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    VerifyReport report;
    List<String> removed = List.of();
    try (ModelRegistry reg = registry.open()) {
      if (repair) removed = reg.removeOrphans();
      report = ref == null ? reg.verify() : new VerifyReport(1, reg.verify(ModelRef.parse(ref)), List.of());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ok", report.ok());
      m.put("checked", report.checked());
      List<Map<String, Object>> failures = new ArrayList<>();
      for (Problem p : report.failures()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", p.where().file());
        f.put("rule", p.rule());
        f.put("message", p.message());
        failures.add(f);
      }
      m.put("failures", failures);
      m.put("orphans", report.orphans());
      m.put("removed", removed);
      JsonOut.print(out, m);
    } else {
      for (String r : removed) out.println("removed " + r);
      for (String o : report.orphans()) out.println("note: " + o + " is not a registered version (left by an interrupted write; quiver models verify --repair removes it)");
      if (report.ok()) {
        out.printf("ok: %d version%s verified%n", report.checked(), report.checked() == 1 ? "" : "s");
      } else {
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : report.failures()) err.println("error: " + p.where().file() + ": " + p.message() + " [" + p.rule() + "]");
        err.printf("%d file%s failed in %d version%s checked; restore them from a good copy (quiver models import BUNDLE) or register again%n",
            report.failures().size(), report.failures().size() == 1 ? "" : "s", report.checked(), report.checked() == 1 ? "" : "s");
        err.flush();
      }
      out.flush();
    }
    return report.ok() ? 0 : 2;
  }
}
