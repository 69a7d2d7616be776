package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN's costs and decisions travel with the plan (DistributedPlan), not through a per-thread
 * hand-off: plans made on several threads at once, interleaved, print exactly as when made one
 * after the other on one thread (#7).
 */
class ConcurrentExplainTest {
  @TempDir Path directory;

  @Test
  void concurrentExplainsPrintLikeSequentialOnes() throws Exception {
    try (StatisticsFixture fixture = new StatisticsFixture(directory)) {
      SsbSchema.create(fixture);
      Map<String, List<String>> sequential = new LinkedHashMap<>();
      for (Map.Entry<String, String> query : SsbSchema.QUERIES.entrySet()) {
        sequential.put(query.getKey(),
            new Planner(fixture.engine().catalog()).prepare("EXPLAIN " + query.getValue()).explainLines());
      }
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Map<String, List<String>>>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          int offset = t;
          results.add(threads.submit(() -> {
            // One planner per thread (no shared cache), queries in a different order on each.
            Planner planner = new Planner(fixture.engine().catalog());
            List<String> names = new ArrayList<>(SsbSchema.QUERIES.keySet());
            java.util.Collections.rotate(names, offset * 7);
            Map<String, List<String>> plans = new LinkedHashMap<>();
            for (String name : names) {
              plans.put(name, planner.prepare("EXPLAIN " + SsbSchema.QUERIES.get(name)).explainLines());
            }
            return plans;
          }));
        }
        for (Future<Map<String, List<String>>> result : results) {
          Map<String, List<String>> plans = result.get();
          for (String name : sequential.keySet()) {
            assertThat(plans.get(name)).as(name).isEqualTo(sequential.get(name));
          }
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }
}
