/**
 * The operator contract (vectorized pull: {@link dev.quaver.executor.operator.Operator}), the
 * per-statement {@link dev.quaver.executor.operator.ExecutionContext} (allocator, parameters,
 * snapshot, cancel flag, heap accounting) and {@link dev.quaver.executor.operator.OperatorBuilder},
 * which turns a physical plan into a tree of operators. The operators themselves live in the
 * sub-packages, one per concept. See docs/operators.md.
 */
package dev.quaver.executor.operator;
