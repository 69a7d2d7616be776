/**
 * Hash aggregation: groups rows by key values (NULLs form one group) a batch at a time and folds
 * every AggregateFunction with DISTINCT and a filter column. A {@link
 * dev.quaver.executor.operator.aggregate.GroupTable} maps each row to a dense group id (primitive
 * open-addressing tables for integral / temporal / floating / DECIMAL / string keys, a boxed RowKey
 * map otherwise) and one {@link dev.quaver.executor.operator.aggregate.CallColumn} per call keeps
 * the states of all groups (primitive arrays for COUNT / SUM / SUM0 / AVG / MIN / MAX over primitive
 * arguments, one {@link dev.quaver.executor.operator.aggregate.Accumulator} per group otherwise).
 * Heap use is accounted against the query memory limit; past its share the operator spills rows of
 * new groups to hash partitions that are aggregated one by one afterwards.
 */
package dev.quaver.executor.operator.aggregate;
