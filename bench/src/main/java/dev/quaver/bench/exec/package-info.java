/**
 * Executor speed benchmarks and profiling harnesses (issue #6 item 3): the SSB profiling driver
 * and the filter + project benchmark of generated code against vectorized kernels
 * (docs/operators.md, "Performance").
 */
package dev.quaver.bench.exec;
