/**
 * Memory accounting of spilling operators: each one reserves its heap bytes through an
 * {@link dev.quaver.executor.memory.OperatorMemory}, which checks them against the statement's
 * memory limit (ExecutionContext.reserveHeap) and tells the operator when it passed its share and
 * should spill.
 */
package dev.quaver.executor.memory;
