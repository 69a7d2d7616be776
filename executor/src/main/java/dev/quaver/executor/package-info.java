/**
 * The executor's entry point: {@link dev.quaver.executor.Executor} runs a PreparedPlan (query,
 * DML, DDL or EXPLAIN) and hands back a {@link dev.quaver.executor.QueryExecution}. Each statement
 * gets an Arrow child allocator limited to the query memory limit, which is closed (and empty)
 * when the statement ends, fails or is canceled.
 */
package dev.quaver.executor;
