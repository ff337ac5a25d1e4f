/**
 * The SWIS reference: the specification in code. Readable, slow and bit-exact; every other module
 * of the suite is checked against it. The rules it follows are stated in {@code docs/SPEC.md},
 * with the paper's equation numbers (Li et al., "SWIS: Shared Weight bIt Sparsity", tinyML 2021).
 *
 * <ul>
 *   <li>{@code tensor}: layouts, the canonical weight tensor and the INT8 quantizer (§1.1).</li>
 *   <li>{@code swis}: groups, support vectors, MSE++ and the exhaustive SWIS / SWIS-C search (Eq. 5-6, 11-12).</li>
 *   <li>{@code encode}: the packed per-group bit stream (§3.3).</li>
 *   <li>{@code baseline}: weight truncation + clipping, uniform round-to-nearest INT-k, activation truncation.</li>
 *   <li>{@code schedule}: per-filter shift counts for fractional targets (§4.3).</li>
 *   <li>{@code metrics}: MSE, RMSE, SQNR, max error, signed error.</li>
 * </ul>
 */
package org.swis.reference;
