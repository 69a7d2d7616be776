package dev.quaver.slt;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many files, one fresh database each, prints one line per file (and the first
 * {@value #DETAILED_FAILURES_PER_FILE} failures of a file in detail), a closing line, and
 * applies the known-failures ratchet.
 *
 * <p>Files may run in parallel ({@code parallelism} > 1): each file already has its own fresh
 * database, so files are independent; only a provider whose databases are separate
 * (a new server per file) may be run in parallel. Lines are printed as files finish; the
 * result lists the files in the order given.
 *
 * <p>Thread safety: {@link #run} is called by one thread at a time; it uses its own pool.
 */
public final class SltSuite {
  static final int DETAILED_FAILURES_PER_FILE = 3;

  private final SltRunner runner;
  private final PrintStream out;
  private final int parallelism;

  public SltSuite(DatabaseProvider provider, Duration statementTimeout, PrintStream out) {
    this(provider, statementTimeout, null, out);
  }

  /** {@code fileBudget}: see {@link SltRunner#SltRunner(DatabaseProvider, Duration, Duration)}. */
  public SltSuite(
      DatabaseProvider provider, Duration statementTimeout, Duration fileBudget, PrintStream out) {
    this(provider, statementTimeout, fileBudget, out, 1);
  }

  /** {@code parallelism}: files run at the same time (1 = one after the other). */
  public SltSuite(DatabaseProvider provider, Duration statementTimeout, Duration fileBudget,
      PrintStream out, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.runner = new SltRunner(provider, statementTimeout, fileBudget);
    this.out = out;
    this.parallelism = parallelism;
  }

  public SuiteResult run(List<SltFile> files, KnownFailures knownFailures) {
    long start = System.nanoTime();
    List<FileResult> results = new ArrayList<>();
    List<RecordFailure> unexpected = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    List<Outcome> outcomes = runAll(files, knownFailures);
    for (Outcome outcome : outcomes) {
      if (outcome.brokenReason != null) {
        broken.add(outcome.brokenReason);
        continue;
      }
      results.add(outcome.result);
      unexpected.addAll(knownFailures.unexpectedFailures(outcome.result));
      fixed.addAll(knownFailures.fixedRecords(outcome.result));
    }
    int threads = Math.min(parallelism, Math.max(1, files.size()));
    SuiteResult suite = new SuiteResult(results, unexpected, fixed, broken,
        System.nanoTime() - start, threads);
    synchronized (out) {
      out.println(suite.summaryLine());
      if (!suite.isSuccess()) {
        out.print(suite.problems());
      }
      out.flush();
    }
    return suite;
  }

  /** Runs every file (in a pool when parallel), returning the outcomes in the order given. */
  private List<Outcome> runAll(List<SltFile> files, KnownFailures knownFailures) {
    if (parallelism == 1 || files.size() <= 1) {
      return files.stream().map(file -> runOne(file, knownFailures)).toList();
    }
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, files.size()), task -> {
      Thread thread = new Thread(task, "slt-file-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (SltFile file : files) {
        futures.add(pool.submit(() -> runOne(file, knownFailures)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        outcomes.add(await(futures.get(i), files.get(i)));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome await(Future<Outcome> future, SltFile file) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, file.name() + ": interrupted");
    } catch (ExecutionException e) {
      return new Outcome(null, file.name() + ": " + e.getCause());
    }
  }

  /** Parses and runs one file and prints its line (and first new failures) at once. */
  private Outcome runOne(SltFile file, KnownFailures knownFailures) {
    SltScript script;
    try {
      script = SltParser.parse(file.path(), file.name());
    } catch (Exception e) {
      synchronized (out) {
        out.println(file.name() + ": cannot be read: " + e.getMessage());
        out.flush();
      }
      return new Outcome(null, file.name() + ": " + e.getMessage());
    }
    FileResult result = runner.run(script);
    List<RecordFailure> newFailures = knownFailures.unexpectedFailures(result);
    synchronized (out) {
      out.println(result.summaryLine());
      for (int i = 0; i < Math.min(DETAILED_FAILURES_PER_FILE, newFailures.size()); i++) {
        out.print(newFailures.get(i).describe());
      }
      out.flush();
    }
    return new Outcome(result, null);
  }

  /** One file's result, or why it could not be read. */
  private record Outcome(FileResult result, String brokenReason) {}
}
