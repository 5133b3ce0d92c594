/**
 * The motor motifs of seed 001 (Logiaco and Escola, section 2 and appendix A.2): one-dimensional target
 * trajectories a continuous-time network learns to produce one by one and then chains without further training.
 *
 * <p>Two families, each drawn from the caller's {@link java.util.Random}: {@link org.molap.core.tasks.motifs.StepMotifs}
 * (piecewise-constant means of an Ornstein-Uhlenbeck path, "hard", A.2.2) and
 * {@link org.molap.core.tasks.motifs.OscillatoryMotifs} (low-pass filtered outputs of a chaotic network, "easy",
 * A.2.1). Time is counted in Euler steps of dt = 0.1 tau, so a motif of 1000 values lasts 100 tau.
 *
 * <p><b>Choices</b> (the paper gives no parameters for the oscillatory set): a chaotic network of 500 units at gain
 * 1.5, two readouts per simulation, harmonics 0..4 of a period equal to the motif's length, shifted so the motif
 * starts at 0 (and, being periodic, ends where it starts), rescaled to a standard deviation in [0.45, 0.8]; these
 * match the ten patterns of the authors' repository. Step motifs follow A.2.2 exactly.
 */
package org.molap.core.tasks.motifs;
