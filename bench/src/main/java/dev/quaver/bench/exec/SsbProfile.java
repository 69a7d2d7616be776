package dev.quaver.bench.exec;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A profiling harness for the executor's per-row speed (issue #6 item 3): loads the SSB tables
 * and the music {@code plays} into a Quaver data directory once (with the OLAP benchmark's
 * generator and loader, so the data is the one docs/bench-olap.md measures), then on every run
 * reopens that directory and times the chosen queries through JDBC (process CPU time and wall time,
 * with a digest of the sorted result rows to compare runs), optionally printing EXPLAIN
 * ANALYZE once per query. Run it under JFR to see where the time goes (docs/operators.md,
 * "Performance"):
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Duser.timezone=UTC \
 *   -XX:StartFlightRecording=filename=/tmp/q.jfr -Dexec.dir=/tmp/ssb -Dexec.queries=Q1.1 \
 *   -cp CLASSPATH dev.quaver.bench.exec.SsbProfile
 * </pre>
 *
 * <p>Properties: {@code exec.dir} (data directory, kept between runs), {@code exec.sf} (0.05),
 * {@code exec.plays} (200000), {@code exec.queries} (ids, default all), {@code exec.reps} (10,
 * after 2 warm-up runs), {@code exec.explain} (false).
 */
public final class SsbProfile {
  private static final String OLAP = "dev.quaver.bench.olap.";

  private SsbProfile() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("exec.dir", "/tmp/quaver-exec-ssb"));
    double sf = Double.parseDouble(System.getProperty("exec.sf", "0.05"));
    long plays = Long.parseLong(System.getProperty("exec.plays", "200000"));
    int reps = Integer.parseInt(System.getProperty("exec.reps", "10"));
    boolean explain = Boolean.parseBoolean(System.getProperty("exec.explain", "false"));
    List<String> only = csv(System.getProperty("exec.queries", ""));
    Path marker = dir.resolve("loaded.marker");
    boolean load = !Files.exists(marker);
    Files.createDirectories(dir);
    Object engine = null;
    Connection connection;
    if (load) {
      Method quaver = method("Engine", "quaver", Path.class);
      engine = quaver.invoke(null, dir.resolve("db"));
      connection = (Connection) method("Engine", "connect").invoke(engine);
      List<Object> tables = new ArrayList<>((List<?>) method("SsbData", "tables", double.class).invoke(null, sf));
      tables.add(method("MusicData", "artists").invoke(null));
      tables.add(method("MusicData", "plays", long.class).invoke(null, plays));
      Class<?> tableClass = Class.forName(OLAP + "Table");
      Method loadTable = method("Loader", "load", Class.forName(OLAP + "Engine"), Connection.class, tableClass);
      for (Object table : tables) {
        long t0 = System.nanoTime();
        long n = (Long) loadTable.invoke(null, engine, connection, table);
        System.out.printf("loaded %,d rows in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      }
      method("Engine", "afterLoad", Connection.class, List.class).invoke(engine, connection, tables);
      Files.writeString(marker, "sf=" + sf + " plays=" + plays + "\n");
    } else {
      QuaverServer server = QuaverServer.start(ServerConfig.defaults(dir.resolve("db")).withPort(0));
      connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
    }
    List<String[]> queries = queries();
    System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    // Process CPU time, not wall time: the machine is shared (load 20-50), and the query runs on
    // one server thread, so CPU time is what the executor's changes move.
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    List<Double> medians = new ArrayList<>();
    for (String[] query : queries) {
      if (!only.isEmpty() && !only.contains(query[0])) {
        continue;
      }
      double[] times = new double[reps];
      double[] cpu = new double[reps];
      List<String> rows = List.of();
      for (int r = -2; r < reps; r++) {
        long t0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        rows = run(connection, query[1]);
        if (r >= 0) {
          times[r] = (System.nanoTime() - t0) / 1e6;
          cpu[r] = (os.getProcessCpuTime() - c0) / 1e6;
        }
      }
      Arrays.sort(times);
      Arrays.sort(cpu);
      double median = cpu[reps / 2];
      medians.add(median);
      List<String> sorted = new ArrayList<>(rows);
      sorted.sort(null);
      System.out.printf("%-9s cpu %8.1f ms median (min %.1f), wall %8.1f ms median; %d rows, digest %08x%n",
          query[0], median, cpu[0], times[reps / 2], rows.size(), sorted.hashCode());
      if (explain) {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("EXPLAIN ANALYZE " + query[1])) {
          while (result.next()) {
            System.out.println("    " + result.getString(1));
          }
        }
      }
    }
    double log = 0;
    for (double m : medians) {
      log += Math.log(m);
    }
    System.out.printf("geomean cpu %.1f ms over %d queries; load average %s%n", Math.exp(log / medians.size()),
        medians.size(), Files.readString(Path.of("/proc/loadavg")).trim());
    System.exit(0);
  }

  /** Reads every value of every row, like the OLAP benchmark's check; returns the rows as text. */
  private static List<String> run(Connection connection, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(result.getObject(c)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** The OLAP benchmark's queries as {id, sql} (the dashboard with Quaver's timestamp literal). */
  private static List<String[]> queries() throws Exception {
    List<String[]> all = new ArrayList<>();
    List<Object> list = new ArrayList<>((List<?>) method("Queries", "ssb").invoke(null));
    list.add(method("Queries", "dashboard").invoke(null));
    for (Object query : list) {
      Class<?> type = query.getClass();
      Method id = type.getDeclaredMethod("id");
      Method sql = type.getDeclaredMethod("sql");
      id.setAccessible(true);
      sql.setAccessible(true);
      String text = ((String) sql.invoke(query)).replace("{TS:", "TIMESTAMP '").replace("}", "'");
      all.add(new String[] {(String) id.invoke(query), text});
    }
    return all;
  }

  private static Method method(String type, String name, Class<?>... parameters) throws Exception {
    Method method = Class.forName(OLAP + type).getDeclaredMethod(name, parameters);
    method.setAccessible(true);
    return method;
  }

  private static List<String> csv(String value) {
    return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
  }
}
