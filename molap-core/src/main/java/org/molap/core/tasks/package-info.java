/**
 * The nine MoLaP tasks (seed paper 000, appendix A.1), generated on the fly.
 *
 * <p><b>Layout.</b> Every sequence is an ND4J array of shape {@code [batch, channels, time]} (DL4J's RNN
 * format), {@code FLOAT} unless the caller asks for another floating type. A {@link
 * org.molap.core.tasks.Trials} batch carries the channel names, so nothing downstream guesses indices.
 *
 * <p><b>Machinery.</b> A task declares its channels and writes values into named periods of a {@link
 * org.molap.core.tasks.Timeline} through a {@link org.molap.core.tasks.TrialBuilder}; {@link
 * org.molap.core.tasks.PeriodTask} adds what all nine share (fixation input and target, input noise).
 *
 * <p><b>Choices</b> (REFERENCE.md section 1 is the authority; where it is silent):
 * <ul>
 *   <li>Input noise N(0, std^2) is added to every input channel at every step, the silent steps 0..9
 *       included ("independent Gaussian on every input channel at every step"); targets are noise-free.</li>
 *   <li>All randomness comes from the caller's {@link java.util.Random} (never ND4J's global RNG): first
 *       each trial's parameters in batch order, then the noise in [batch, channel, time] order.</li>
 *   <li>Context Mem Dm and Multi Mem: both streams carry cos(angle) of independent grid angles (the same
 *       value code as Mem Dm 1); only the attended stream or the per-pulse sums decide the target.</li>
 *   <li>Anti targets are written as -(cos, sin) of the stimulus angle, which equals (cos, sin) of
 *       angle + 180 degrees exactly, without rounding differences.</li>
 * </ul>
 */
package org.molap.core.tasks;
