/**
 * Partition-parallel execution: {@code PlanFragmenter} cuts a physical plan at its exchanges into
 * {@code Fragment}s and decides how many instances each runs (one per table partition, one per
 * hash partition, or one); {@code ParallelQuery} runs every instance of every fragment but the
 * top one on the {@code WorkerPool}, wires them with in-process exchanges, and is itself the root
 * operator the statement pulls. See docs/parallel-execution.md.
 */
package dev.quaver.executor.fragment;
