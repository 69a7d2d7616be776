package dev.quaver.storage.lsm;

/** The {@link Memtable} contract for the concurrent skip list (kept for A/B runs). */
class SkipListMemtableTest extends MemtableContractTest {
  @Override
  protected Memtable newTable() {
    return new SkipListMemtable();
  }
}
