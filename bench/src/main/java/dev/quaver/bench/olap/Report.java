package dev.quaver.bench.olap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the comparison as Markdown: per query the median time of each engine and its ratio to
 * DuckDB's, the result check, then the geometric mean over the SSB queries and the list of
 * mismatches and failures with what differed.
 */
final class Report {
  private static final String REFERENCE = "duckdb";

  private Report() {}

  static void print(List<Queries.Query> queries, Map<String, Map<String, Outcome>> outcomes,
      Map<String, String> loads) {
    List<String> engines = new ArrayList<>(outcomes.keySet());
    List<String> findings = new ArrayList<>();
    System.out.println();
    System.out.println("Loads:");
    loads.forEach((engine, text) -> System.out.printf("- %s: %s%n", engine, text));
    System.out.println();
    StringBuilder header = new StringBuilder("| query |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String engine : engines) {
      header.append(' ').append(engine).append(" ms |");
      rule.append("---:|");
    }
    System.out.println(header.append(" check |"));
    System.out.println(rule.append("---|"));
    for (Queries.Query query : queries) {
      String id = query.id();
      Results reference = referenceResults(id, outcomes, engines);
      StringBuilder line = new StringBuilder("| ").append(id).append(" |");
      List<String> wrong = new ArrayList<>();
      for (String engine : engines) {
        Outcome o = outcomes.get(engine).get(id);
        if (o == null) {
          line.append(" — |");
          continue;
        }
        if (!o.completed()) {
          line.append(' ').append(o.status()).append(" |");
          findings.add(String.format("%s on %s: %s %s", id, engine, o.status(), o.message()));
          continue;
        }
        Outcome ref = outcomes.getOrDefault(REFERENCE, Map.of()).get(id);
        String ratio = ref != null && ref.completed() && !engine.equals(REFERENCE)
            ? String.format(" (%.1f×)", o.medianMs() / ref.medianMs()) : "";
        line.append(String.format(" %.1f%s |", o.medianMs(), ratio));
        String diff = reference == null ? "" : o.results().diff(reference);
        if (!diff.isEmpty()) {
          wrong.add(engine);
          findings.add(String.format("%s on %s: result differs from the reference: %s", id, engine, diff));
        }
      }
      line.append(' ').append(reference == null ? "no answer" : wrong.isEmpty() ? "equal"
          : "DIFFERS: " + String.join(", ", wrong)).append(" |");
      System.out.println(line);
    }
    StringBuilder geo = new StringBuilder("| SSB geomean |");
    for (String engine : engines) {
      geo.append(' ').append(geomean(engine, queries, outcomes)).append(" |");
    }
    System.out.println(geo.append("  |"));
    System.out.println();
    System.out.println("Ratios are the engine's median over DuckDB's; an SSB geomean ratio is the geometric"
        + " mean of the per-query ratios over the queries both engines answered.");
    System.out.println();
    System.out.println(findings.isEmpty() ? "No mismatches or failures." : "Mismatches and failures:");
    findings.forEach(f -> System.out.println("- " + f));
  }

  /** DuckDB's result when it answered, else the first engine's that did. */
  private static Results referenceResults(String id, Map<String, Map<String, Outcome>> outcomes,
      List<String> engines) {
    Outcome duck = outcomes.getOrDefault(REFERENCE, Map.of()).get(id);
    if (duck != null && duck.completed()) {
      return duck.results();
    }
    for (String engine : engines) {
      Outcome o = outcomes.get(engine).get(id);
      if (o != null && o.completed()) {
        return o.results();
      }
    }
    return null;
  }

  private static String geomean(String engine, List<Queries.Query> queries,
      Map<String, Map<String, Outcome>> outcomes) {
    double logSum = 0;
    double logRatioSum = 0;
    int n = 0;
    int ratios = 0;
    int ssb = 0;
    for (Queries.Query query : queries) {
      if (!query.id().startsWith("Q")) {
        continue;
      }
      ssb++;
      Outcome o = outcomes.get(engine).get(query.id());
      if (o == null || !o.completed()) {
        continue;
      }
      logSum += Math.log(o.medianMs());
      n++;
      Outcome ref = outcomes.getOrDefault(REFERENCE, Map.of()).get(query.id());
      if (ref != null && ref.completed()) {
        logRatioSum += Math.log(o.medianMs() / ref.medianMs());
        ratios++;
      }
    }
    if (n == 0) {
      return "n/a";
    }
    String text = String.format("%.1f", Math.exp(logSum / n));
    if (ratios > 0 && !engine.equals(REFERENCE)) {
      text += String.format(" (%.1f×)", Math.exp(logRatioSum / ratios));
    }
    return n < ssb ? text + " [" + n + "/" + ssb + " queries]" : text;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
