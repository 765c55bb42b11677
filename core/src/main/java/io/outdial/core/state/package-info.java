/**
 * Transition tables for the state enums of every module: an enum declares its moves once with {@link
 * io.outdial.core.state.Transitions} and implements {@link io.outdial.core.state.State}, which gives it {@code
 * canMoveTo}, {@code moveTo} and {@code isTerminal}. The test jar's {@code StateTableContract} checks every such enum
 * of a module in one generic test.
 */
package io.outdial.core.state;
