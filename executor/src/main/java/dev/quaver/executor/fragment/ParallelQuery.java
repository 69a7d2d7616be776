package dev.quaver.executor.fragment;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.exchange.Exchange;
import dev.quaver.executor.exchange.InProcessExchange;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OperatorBuilder;
import dev.quaver.executor.operator.sort.SortOperator;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One statement running as fragments: every instance of every fragment but the top one runs on
 * a {@link WorkerPool} thread, pulling its operator tree and sending the batches into its output
 * exchange; the top fragment's operators run in the caller's thread, and this object is their
 * root operator. At most {@code parallelism} instances compute at once (a permit each, handed
 * back while an instance waits on an exchange, so waiting instances never block the others).
 *
 * <p>Memory: each instance allocates from its own child of the statement's allocator, and each
 * exchange from one more, so the statement's limit covers all of them; every child is closed
 * (and must be empty) before the statement's allocator is.
 *
 * <p>Failure and cancel: the first error of any instance is kept, the statement's cancel flag is
 * set (operators in every instance stop at their next batch) and every exchange is aborted (every
 * waiting instance wakes); the caller's next {@code next()} throws that first error.
 * {@link #close()} (the end of the statement, also early: a LIMIT satisfied, an error, a client
 * closing its result) stops and waits for every instance, then frees the exchanges.
 *
 * <p>Thread safety: {@code next()} and {@code close()} are confined to the statement's thread;
 * the instances' threads only touch the failure slot, the exchanges and the latch.
 */
public final class ParallelQuery implements Operator {
  private final ExecutionContext statement;
  private final WorkerPool pool;
  private final Semaphore permits;
  private final Function<FragmentInstance, BiFunction<PhysicalNode, Operator, Operator>> decorators;
  private final Map<PhysicalExchange, InProcessExchange> exchanges = new IdentityHashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Fragment> fragments;
  private CountDownLatch finished = new CountDownLatch(0);
  private Operator top;
  private boolean closed;

  private ParallelQuery(List<Fragment> fragments, ExecutionContext statement, WorkerPool pool, int parallelism,
      Function<FragmentInstance, BiFunction<PhysicalNode, Operator, Operator>> decorators) {
    this.fragments = fragments;
    this.statement = statement;
    this.pool = pool;
    this.permits = new Semaphore(parallelism);
    this.decorators = decorators;
  }

  /**
   * Wires the exchanges of {@code fragments} (top first, from {@link PlanFragmenter}), starts
   * the instances and builds the top fragment's operators in {@code statement}'s context;
   * {@code decorators} wraps each instance's operators (EXPLAIN ANALYZE profiles).
   */
  public static ParallelQuery start(List<Fragment> fragments, ExecutionContext statement, WorkerPool pool,
      int parallelism, Function<FragmentInstance, BiFunction<PhysicalNode, Operator, Operator>> decorators) {
    ParallelQuery query = new ParallelQuery(fragments, statement, pool, parallelism, decorators);
    try {
      query.wire();
      query.startInstances();
      Fragment top = fragments.get(0);
      FragmentInstance instance = new FragmentInstance(top.id(), 0, 1, query.exchanges, new StatementWaits(statement));
      ExecutionContext context = statement.forInstance(statement.allocator(), instance);
      query.top = new OperatorBuilder(context, decorators.apply(instance)).build(top.root());
      return query;
    } catch (RuntimeException | Error e) {
      query.fail(e);
      try {
        query.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The fragments this statement runs (EXPLAIN ANALYZE prints one line per fragment). */
  public List<Fragment> fragments() {
    return fragments;
  }

  /** The first error of any instance if there was one, else {@code t}. */
  public Throwable firstFailureOr(Throwable t) {
    Throwable first = failure.get();
    return first != null ? first : t;
  }

  @Override
  public Schema schema() {
    return top.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    try {
      VectorSchemaRoot batch = top.next();
      rethrowFailure();
      return batch;
    } catch (RuntimeException | Error e) {
      rethrowFailure();
      throw e;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Throwable> errors = new ArrayList<>();
    try {
      if (top != null) {
        top.close();
      }
    } catch (RuntimeException | Error e) {
      errors.add(e);
    }
    if (finished.getCount() > 0) {
      statement.cancel(); // stop instances still computing (a satisfied LIMIT, an error)
      exchanges.values().forEach(exchange -> exchange.abort(Closed.INSTANCE));
    }
    awaitInstances();
    for (InProcessExchange exchange : exchanges.values()) {
      try {
        exchange.close();
      } catch (RuntimeException | Error e) {
        errors.add(new QuaverException(ErrorCode.INTERNAL_ERROR, "exchange leaked Arrow memory", e));
      }
    }
    if (!errors.isEmpty()) {
      RuntimeException first = errors.get(0) instanceof RuntimeException r ? r : new RuntimeException(errors.get(0));
      errors.subList(1, errors.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private void wire() {
    for (Fragment fragment : fragments.subList(1, fragments.size())) {
      PhysicalExchange output = fragment.output();
      Fragment consumer = consumerOf(output);
      Distribution distribution = output.distribution();
      InProcessExchange.Routing routing = fragment.mergeSort() != null ? InProcessExchange.Routing.MERGE
          : switch (distribution.kind()) {
        case SINGLE -> InProcessExchange.Routing.GATHER;
        case HASH -> InProcessExchange.Routing.HASH;
        case BROADCAST -> InProcessExchange.Routing.BROADCAST;
        case ANY -> throw new IllegalStateException("exchange to ANY");
      };
      int[] keys = distribution.keys().stream().mapToInt(Integer::intValue).toArray();
      List<ColumnType> keyTypes = new ArrayList<>();
      List<Field> fields = output.fields();
      for (int key : keys) {
        keyTypes.add(fields.get(key).type());
      }
      BufferAllocator allocator = statement.allocator().newChildAllocator("exchange-" + fragment.id(), 0, Long.MAX_VALUE);
      exchanges.put(output, new InProcessExchange(routing, fragment.instances(), consumer.instances(), keys, keyTypes,
          allocator));
    }
  }

  private Fragment consumerOf(PhysicalExchange exchange) {
    for (Fragment fragment : fragments) {
      for (PhysicalExchange input : fragment.inputs()) {
        if (input == exchange) {
          return fragment;
        }
      }
    }
    throw new IllegalStateException("no fragment reads exchange " + exchange.distribution());
  }

  private void startInstances() {
    int count = 0;
    for (Fragment fragment : fragments.subList(1, fragments.size())) {
      count += fragment.instances();
    }
    CountDownLatch latch = new CountDownLatch(count);
    finished = latch;
    int started = 0;
    try {
      for (Fragment fragment : fragments.subList(1, fragments.size())) {
        for (int i = 0; i < fragment.instances(); i++) {
          int partition = i;
          pool.start(() -> runInstance(fragment, partition), latch::countDown);
          started++;
        }
      }
    } catch (RuntimeException | Error e) {
      for (int i = started; i < count; i++) {
        latch.countDown(); // never started: nothing to wait for
      }
      throw e;
    }
  }

  /** Runs one instance to its end on a worker thread. */
  private void runInstance(Fragment fragment, int partition) {
    PermitWaits waits = new PermitWaits(permits, statement);
    permits.acquireUninterruptibly();
    BufferAllocator allocator = null;
    Operator root = null;
    try {
      allocator = statement.allocator().newChildAllocator("fragment-" + fragment.id() + "-" + partition, 0,
          Long.MAX_VALUE);
      FragmentInstance instance = new FragmentInstance(fragment.id(), partition, fragment.instances(), exchanges,
          waits);
      ExecutionContext context = statement.forInstance(allocator, instance);
      root = new OperatorBuilder(context, decorators.apply(instance)).build(fragment.root());
      if (fragment.mergeSort() != null) {
        root = new SortOperator(root, localSort(fragment), context);
      }
      Exchange.Sink sink = exchanges.get(fragment.output()).sink(partition, waits);
      for (VectorSchemaRoot batch = root.next(); batch != null; batch = root.next()) {
        sink.send(batch, root.lastBatchTransferable());
      }
      sink.finish();
    } catch (Throwable t) {
      fail(t);
    } finally {
      try {
        if (root != null) {
          root.close();
        }
      } catch (Throwable t) {
        fail(t);
      }
      if (allocator != null) {
        long leaked = allocator.getAllocatedMemory();
        try {
          allocator.close();
        } catch (Throwable t) {
          fail(new QuaverException(ErrorCode.INTERNAL_ERROR, "fragment " + fragment.id() + " instance " + partition
              + " leaked " + leaked + " bytes of Arrow memory", t));
        }
      }
      permits.release();
    }
  }

  /** What each instance of a fragment feeding an ordered merge sorts: its rows, top offset+fetch. */
  private static PhysicalSort localSort(Fragment fragment) {
    PhysicalSort sort = fragment.mergeSort();
    long fetch = sort.fetch() < 0 ? -1 : Math.max(0, sort.offset()) + sort.fetch();
    return new PhysicalSort(fragment.root(), sort.keys(), 0, fetch, fragment.root().distribution(),
        sort.estimatedRows());
  }

  /** Keeps the first failure, stops every instance and wakes every waiting one. */
  private void fail(Throwable t) {
    if (t == Closed.INSTANCE) {
      return;
    }
    if (failure.compareAndSet(null, t)) {
      statement.cancel();
      exchanges.values().forEach(exchange -> exchange.abort(t));
    }
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new QuaverException(ErrorCode.INTERNAL_ERROR, "fragment instance failed: " + t, t);
  }

  private void awaitInstances() {
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The caller's thread: it holds no permit, it only checks for cancel. */
  private record StatementWaits(ExecutionContext statement) implements Exchange.Waits {
    @Override
    public void checkCanceled() {
      statement.checkCanceled();
    }
  }

  /** A worker's thread: hands its permit back while it waits. */
  private record PermitWaits(Semaphore permits, ExecutionContext statement) implements Exchange.Waits {
    @Override
    public void checkCanceled() {
      statement.checkCanceled();
    }

    @Override
    public void beforeWait() {
      permits.release();
    }

    @Override
    public void afterWait() {
      permits.acquireUninterruptibly();
    }
  }

  /** Aborts the exchanges of a statement that closed before its instances finished: not an error. */
  private static final class Closed extends RuntimeException {
    static final Closed INSTANCE = new Closed();

    private Closed() {
      super("statement closed", null, false, false);
    }
  }
}
