package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.DdlCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans every statement of the sqllogictest select1..select5 files: none may fail to plan. Prints
 * the slowest statements (no timing assertions: see STYLE.md §9). A planner developer's tool, run
 * with {@code -Dquaver.planner.corpus=true}: by default it is off, because sql-tests' SltIT runs
 * the same files end to end through the server on every build.
 */
class SqlLogicCorpusTest {
  private static final Path CORPUS = Path.of("../sql-tests/slt-corpus");
  /** CPU time, not wall time: the build machine is shared, wall time says little. */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private record Timing(long nanos, String sql) {}

  /** What the executor does with a DDL plan, enough for these files. */
  private static void applyDdl(InMemoryCatalog catalog, PreparedPlan plan) {
    assertThat(plan.kind()).isEqualTo(PreparedPlan.Kind.DDL);
    if (plan.ddl() instanceof DdlCommand.CreateTable create) {
      catalog.createTable(create.table());
    } else if (plan.ddl() instanceof DdlCommand.CreateIndex create) {
      catalog.createIndex(create.tableName(), create.index());
    } else if (plan.ddl() instanceof DdlCommand.CreateView create) {
      catalog.createView(create.view());
    } else if (plan.ddl() instanceof DdlCommand.DropTable drop) {
      catalog.dropTable(drop.name());
    } else if (plan.ddl() instanceof DdlCommand.DropView drop) {
      catalog.dropView(drop.name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"select1.test", "select2.test", "select3.test", "select4.test", "select5.test"})
  void plansEveryStatement(String name) throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("quaver.planner.corpus"), "run with -Dquaver.planner.corpus=true");
    Path file = CORPUS.resolve(name);
    Assumptions.assumeTrue(Files.exists(file), "corpus not present");
    String only = System.getProperty("slt.only");
    Assumptions.assumeTrue(only == null || only.equals(name), "not selected by -Dslt.only");
    InMemoryCatalog catalog = new InMemoryCatalog();
    Planner planner = new Planner(catalog);
    List<String> failures = new ArrayList<>();
    List<Timing> timings = new ArrayList<>();
    for (SltStatements.Record record : SltStatements.read(file)) {
      String sql = record.sql();
      String upper = sql.toUpperCase(Locale.ROOT);
      if (upper.startsWith("CREATE") || upper.startsWith("DROP")) {
        applyDdl(catalog, planner.prepare(sql));
        continue;
      }
      long start = THREADS.getCurrentThreadCpuTime();
      try {
        planner.prepare(sql);
        if (record.expectsError()) {
          // an error the executor raises at run time is fine; nothing to check here
        }
      } catch (QuaverException e) {
        if (!record.expectsError()) {
          failures.add(name + ":" + record.line() + " " + e.sqlState() + " " + e.getMessage() + "\n    " + sql);
        }
      }
      timings.add(new Timing(THREADS.getCurrentThreadCpuTime() - start, sql));
    }
    long total = timings.stream().mapToLong(Timing::nanos).sum();
    timings.sort(Comparator.comparingLong(Timing::nanos).reversed());
    System.out.printf("%s: %d statements planned in %.0f ms CPU (%.2f ms each); slowest (CPU ms):%n", name,
        timings.size(), total / 1e6, total / 1e6 / Math.max(1, timings.size()));
    for (Timing timing : timings.subList(0, Math.min(3, timings.size()))) {
      System.out.printf("  %.1f ms  %s%n", timing.nanos() / 1e6,
          timing.sql().replace('\n', ' ').substring(0, Math.min(100, timing.sql().length())));
    }
    failures.stream().limit(20).forEach(System.out::println);
    assertThat(failures).as("statements that failed to plan").isEmpty();
  }
}
