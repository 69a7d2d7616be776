package dev.quaver.storage.lsm;

/** The {@link Memtable} contract for the finger skip list (the default memtable). */
class FingerSkipListMemtableTest extends MemtableContractTest {
  @Override
  protected Memtable newTable() {
    return new FingerSkipListMemtable();
  }
}
