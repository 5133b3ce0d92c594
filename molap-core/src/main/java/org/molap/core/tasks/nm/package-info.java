/**
 * The tasks of seed 003 (NM-RNN, Costacurta et al., supplement C.2): Measure-Wait-Go, the Delay/Memory Pro/Anti
 * tasks in normalised time with one-hot context channels, and Element Finder.
 *
 * <p>Same layout as every task of the project: {@code [batch, channels, time]} arrays with named channels in a
 * {@link org.molap.core.tasks.Trials} batch; every draw comes from the caller's {@link java.util.Random}.
 *
 * <p><b>Choices</b> (where the supplement and the authors' code differ, the code is followed and the difference
 * named): Measure-Wait-Go varies the measure time 10..19 at a fixed wait-to-go delay of 15 (the supplement says
 * the delay varies); its extrapolation sets use every measure time (the scripts use 15 only); the Pro/Anti tasks
 * carry no input noise by default (the scripts differ per model); Anti targets point at theta + pi.
 */
package org.molap.core.tasks.nm;
