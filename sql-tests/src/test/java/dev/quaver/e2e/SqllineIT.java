package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline, as a user runs it ({@code bin/quaver sql <url> -f script.sql} is this java command):
 * the sqlline jar plus the driver jar, non-interactive, against the test server. Checks the
 * output and the exit code, and that !tables, !columns and !describe work through
 * DatabaseMetaData; also an interactive session typed through stdin, and {@code -e}.
 */
class SqllineIT {
  private static TestServer server;

  @TempDir
  Path temp;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void runsAScriptAndBrowsesMetadata() throws Exception {
    Path script = temp.resolve("script.sql");
    Files.writeString(script, String.join("\n",
        "CREATE TABLE sl_people (id INTEGER PRIMARY KEY, name VARCHAR(10), born DATE);",
        "INSERT INTO sl_people VALUES (1, 'alpha', DATE '2001-02-03'), (2, 'beta', NULL);",
        "SELECT id, name, born FROM sl_people ORDER BY id;",
        "!tables",
        "!columns SL_PEOPLE",
        "!describe SL_PEOPLE",
        ""));
    Result result = runSqlline(script);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("alpha").contains("beta").contains("2001-02-03")
        .containsPattern(Pattern.compile("SL_PEOPLE"))
        .contains("NAME").contains("BORN")
        .doesNotContain("Error:");
  }

  @Test
  void aFailingStatementGivesANonZeroExitCode() throws Exception {
    Path script = temp.resolve("bad.sql");
    Files.writeString(script, "SELECT * FROM sl_no_such_table;\n");
    Result result = runSqlline(script);
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("42P01");
  }

  @Test
  void interactiveSessionDrivenThroughStdin() throws Exception {
    String session = String.join("\n",
        "CREATE TABLE sl_stdin (k INTEGER PRIMARY KEY, word VARCHAR(20));",
        "INSERT INTO sl_stdin VALUES (1, 'typed'), (2, 'lines');",
        "SELECT word FROM sl_stdin",
        "  ORDER BY k;",
        "!tables",
        "SELECT COUNT(*) AS how_many FROM sl_stdin;",
        "!quit",
        "");
    Result result = run(List.of(), session);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("typed").contains("lines").contains("SL_STDIN").contains("HOW_MANY")
        .doesNotContain("Error:");
  }

  @Test
  void dashEExecutesAStatement() throws Exception {
    Result result = run(List.of("-e", "SELECT 40 + 2 AS answer"), null);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("ANSWER").contains("42");
  }

  private static Result runSqlline(Path script) throws IOException, InterruptedException {
    return run(List.of("-f", script.toString()), null);
  }

  /** sqlline with {@code arguments}; {@code stdin} typed into it (null: no input at all). */
  private static Result run(List<String> arguments, String stdin) throws IOException, InterruptedException {
    List<String> command = launcherCommand(arguments);
    System.out.println("SqllineIT: " + String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (stdin == null) {
      builder.redirectInput(new File("/dev/null"));
    }
    Process process = builder.start();
    if (stdin != null) {
      try (var input = process.getOutputStream()) {
        input.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("sqlline finished").isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /**
   * {@code bin/quaver sql <url> <arguments>} when the repository's launcher and what it runs are
   * built (it would otherwise start a Maven build); else the same java command it runs.
   */
  private static List<String> launcherCommand(List<String> arguments) {
    Path repo = Path.of(System.getProperty("quaver.repo.dir", ".."));
    Path launcher = repo.resolve("bin/quaver");
    Path sqllineJar = repo.resolve("server/target/tools/sqlline.jar");
    boolean isDriverBuilt;
    try (var jars = Files.list(repo.resolve("jdbc-driver/target"))) {
      isDriverBuilt = jars.anyMatch(p -> p.getFileName().toString().matches("quaver-jdbc-.*\\.jar"));
    } catch (IOException e) {
      isDriverBuilt = false;
    }
    if (Files.isRegularFile(launcher) && Files.isRegularFile(sqllineJar) && isDriverBuilt) {
      List<String> command = new ArrayList<>(List.of("bash", launcher.toString(), "sql", server.url()));
      command.addAll(arguments);
      return command;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", clientClassPath(), "sqlline.SqlLine",
        "-d", "dev.quaver.jdbc.QuaverDriver", "-u", server.url(), "-n", TestServer.USER,
        "-p", TestServer.PASSWORD, "--maxWidth=160"));
    command.addAll(arguments);
    return command;
  }

  /**
   * The sqlline jar and the driver, taken from this JVM's class path: the shaded driver jar
   * when Maven packaged it, else the driver's and common's class directories.
   */
  private static String clientClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normalized = entry.replace('\\', '/');
      if (normalized.contains("sqlline") || normalized.contains("quaver-jdbc")
          || normalized.contains("jdbc-driver/target") || normalized.contains("quaver-common")
          || normalized.contains("/common/target")) {
        entries.add(entry);
      }
    }
    assertThat(entries).as("sqlline and driver on the class path").isNotEmpty();
    return String.join(File.pathSeparator, entries);
  }

  private record Result(int exitCode, String output) {}
}
