/**
 * The tasks of seed 002 (Vafidis, Bhargava and Rangel, CogSci 2024): N_task binary classifications of one noisy
 * D-dimensional stimulus (each the side of a hyperplane through the origin), and the decoding task that reads the
 * stimulus back out of a trained network, restricted to chosen orthants for the out-of-distribution protocol.
 *
 * <p>Both share one 22-step timeline (dt = 100 ms, the authors' train.py): step 0 fixation, steps 1-20 stimulus,
 * step 21 decision; the fixation input is 1 until the decision step; the stimulus channels carry s + 0.2 xi_t on
 * the stimulus steps (0.2 = 2 / sqrt(100), i.i.d. per step and channel) and 0 elsewhere.
 *
 * <p><b>Choices</b>: targets are +-1 at the decision step and 0 before it (the paper's tanh / MSE version; the
 * authors' later code uses 0 / 1 with 0.5 before, {@link org.molap.core.tasks.disentangle.LabelCoding#ZERO_ONE});
 * the loss counts every step by default, as both code versions do. For D = 2 the boundaries are evenly spaced
 * lines at angles (i + 1/2) pi / N_task; for D > 2 random unit normals drawn once per network, as the code does.
 * Orthants are numbered in the order of itertools.product([-1/2, 1/2], repeat = D), so that the out-of-distribution
 * folds, orthants with index q mod 4, hold out one quadrant each for D = 2.
 */
package org.molap.core.tasks.disentangle;
