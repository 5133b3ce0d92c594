/**
 * Latent primitives (seed 000, section 3.3 and appendix A.2.1/A.2.2): canonical correlation analysis and
 * principal components fitted once on a task corpus, and the corpus-level {@link
 * org.molap.core.primitives.LatentPrimitives} object that turns trials into module inputs and targets.
 *
 * <p>Conventions: matrices handed to {@link org.molap.core.primitives.CanonicalCorrelation} and {@link
 * org.molap.core.primitives.PrincipalComponents} are {@code [samples, columns]}; sequences handed to
 * {@link org.molap.core.primitives.LatentPrimitives} are {@code [batch, channels, time]} (DL4J's RNN
 * layout) and are flattened to samples {@code [batch * time, channels]} with row index {@code b * T + t}.
 * FLOAT and DOUBLE inputs are accepted; all statistics and projections are computed in double precision.
 */
package org.molap.core.primitives;
