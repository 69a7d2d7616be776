/**
 * Hash aggregation: groups rows by key values (NULLs form one group) in a heap hash table whose
 * size is accounted against the query memory limit, and folds every AggregateFunction with
 * DISTINCT and a filter column. One {@link dev.quaver.executor.operator.aggregate.Accumulator}
 * per group and call. Past its memory share the table spills rows of new groups to hash
 * partitions that are aggregated one by one afterwards.
 */
package dev.quaver.executor.operator.aggregate;
