/**
 * Spilling to disk: a per-operator spill space (a subdirectory of ExecutorConfig.spillDirectory
 * deleted when the operator closes, which the statement does on success, error and cancel),
 * spill files of rows written as Arrow IPC streams, and the spill counters each spilling
 * operator keeps for EXPLAIN ANALYZE. The format is described in docs/operators.md.
 */
package dev.quaver.executor.spill;
