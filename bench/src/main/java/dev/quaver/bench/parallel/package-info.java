/**
 * The speedup of partition-parallel execution (issue #6): {@code ParallelSpeedupMain} runs a
 * scan-heavy query in-process with parallelism 1 and 2, interleaved, and prints both medians.
 */
package dev.quaver.bench.parallel;
