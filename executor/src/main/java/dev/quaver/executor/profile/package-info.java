/**
 * EXPLAIN ANALYZE: every operator of the statement is wrapped in a {@code ProfiledOperator}
 * that counts rows, batches, time and the statement memory it saw, and reads the spill counters
 * of spilling operators; {@code ExplainAnalyze} runs the plan to the end and appends the actuals
 * to each EXPLAIN line.
 */
package dev.quaver.executor.profile;
