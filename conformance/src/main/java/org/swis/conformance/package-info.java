/**
 * The kernel conformance kit: every kernel of the contracts in {@code org.swis.kernels} must equal the
 * reference exactly (docs/SPEC.md §3 for the decomposition, §10.1 (Eq. 7) and §10.3 for the product of decoded weights and
 * int8 activations). {@link org.swis.conformance.Conformance} runs the four properties on seeded cases
 * from {@link org.swis.conformance.CaseGenerator}, shrinks a failure with
 * {@link org.swis.conformance.Shrinker} and returns one {@link org.swis.conformance.KernelResult} per
 * kernel.
 */
package org.swis.conformance;
