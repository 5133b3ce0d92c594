package org.molap.core.tasks;

/**
 * Every number of the MoLaP task corpus; defaults are the values of REFERENCE.md section 1 (seed
 * paper 000, appendix A.1). Step indices are 0-based inside one trial; ranges are half-open.
 *
 * @param steps               trial length: 10 silent + 100 task steps = 110 (section 1, "Time base and noise")
 * @param silentSteps         leading steps with all inputs 0 (before noise) = 10 (section 1, "Time base and noise")
 * @param stimulusOnset       step at which the pro/anti stimulus appears = 35 (section 1, "Timeline")
 * @param goCue               fixation input off, response starts = 85; response is [85, 110) (section 1, "Timeline")
 * @param inputNoiseStd       std of the Gaussian added to every input, per step = 0.02, i.e. the paper's
 *                            0.002 scaled by 1/sqrt(dt) (section 1, "Time base and noise")
 * @param angleMinDeg         first angle of the grid = 0 degrees (section 1, "Time base and noise")
 * @param angleMaxDeg         last angle of the grid, inclusive = 350 degrees (full circle; the paper's text
 *                            says 0-180) (section 1, "Time base and noise")
 * @param angleCount          number of equally spaced grid angles = 36, i.e. steps of 10 degrees (section 1)
 * @param memStimulusMinSteps shortest Mem Pro/Anti stimulus = 10 steps (section 1, "Timeline")
 * @param memStimulusMaxSteps longest Mem Pro/Anti stimulus, inclusive = 25 steps (section 1, "Timeline")
 * @param pulse1Onset         first Dm pulse starts = 35, occupies 35..44 (section 1, "Timeline")
 * @param pulse2Onset         second Dm pulse starts = 65, occupies 65..74 (section 1, "Timeline")
 * @param pulseSteps          duration of each Dm pulse = 10 steps (section 1, "Timeline")
 * @param streamsShareAngles  Context Mem Dm / Multi Mem: false (default) draws the two streams' pulses from
 *                            independent angles; true is the authors' code, where stream 2 carries the sin of
 *                            the same two angles whose cos is stream 1 (section 1, "More differences")
 */
public record TaskConfig(int steps, int silentSteps, int stimulusOnset, int goCue, double inputNoiseStd,
                         double angleMinDeg, double angleMaxDeg, int angleCount,
                         int memStimulusMinSteps, int memStimulusMaxSteps,
                         int pulse1Onset, int pulse2Onset, int pulseSteps, boolean streamsShareAngles) {

  public TaskConfig {
    require(steps >= 1, "steps must be at least 1, got " + steps);
    require(silentSteps >= 0 && silentSteps < goCue && goCue < steps,
        "the timeline needs 0 <= silentSteps < goCue < steps, got silentSteps " + silentSteps
            + ", goCue " + goCue + ", steps " + steps);
    require(stimulusOnset >= silentSteps && stimulusOnset < goCue,
        "stimulusOnset must lie in [silentSteps, goCue), got " + stimulusOnset);
    require(Double.isFinite(inputNoiseStd) && inputNoiseStd >= 0,
        "inputNoiseStd must be finite and >= 0, got " + inputNoiseStd);
    require(Double.isFinite(angleMinDeg) && Double.isFinite(angleMaxDeg) && angleMinDeg <= angleMaxDeg,
        "the angle range needs finite angleMinDeg <= angleMaxDeg, got " + angleMinDeg + ".." + angleMaxDeg);
    require(angleCount >= 1, "angleCount must be at least 1, got " + angleCount);
    require(angleCount > 1 || angleMinDeg == angleMaxDeg,
        "a single-angle grid needs angleMinDeg == angleMaxDeg, got " + angleMinDeg + ".." + angleMaxDeg);
    require(memStimulusMinSteps >= 1 && memStimulusMinSteps <= memStimulusMaxSteps
            && stimulusOnset + memStimulusMaxSteps <= goCue,
        "the Mem stimulus needs 1 <= min <= max steps and must end by the go cue, got "
            + memStimulusMinSteps + ".." + memStimulusMaxSteps + " steps from step " + stimulusOnset);
    require(pulseSteps >= 1 && pulse1Onset >= silentSteps && pulse1Onset + pulseSteps <= pulse2Onset
            && pulse2Onset + pulseSteps <= goCue,
        "the Dm pulses must not overlap and must lie between the silent steps and the go cue, got pulses of "
            + pulseSteps + " steps at " + pulse1Onset + " and " + pulse2Onset);
  }

  /** Independent angles in the two streams (the project's default). */
  public TaskConfig(int steps, int silentSteps, int stimulusOnset, int goCue, double inputNoiseStd,
                    double angleMinDeg, double angleMaxDeg, int angleCount, int memStimulusMinSteps, int memStimulusMaxSteps,
                    int pulse1Onset, int pulse2Onset, int pulseSteps) {
    this(steps, silentSteps, stimulusOnset, goCue, inputNoiseStd, angleMinDeg, angleMaxDeg, angleCount,
        memStimulusMinSteps, memStimulusMaxSteps, pulse1Onset, pulse2Onset, pulseSteps, false);
  }

  /** The paper's values (REFERENCE.md section 1). */
  public static TaskConfig defaults() {
    return new TaskConfig(110, 10, 35, 85, 0.02, 0.0, 350.0, 36, 10, 25, 35, 65, 10);
  }

  /** A copy with another input noise std (0 gives noise-free inputs). */
  public TaskConfig withInputNoiseStd(double std) {
    return new TaskConfig(steps, silentSteps, stimulusOnset, goCue, std, angleMinDeg, angleMaxDeg, angleCount,
        memStimulusMinSteps, memStimulusMaxSteps, pulse1Onset, pulse2Onset, pulseSteps, streamsShareAngles);
  }

  /** A copy with another angle grid: {@code count} equally spaced angles from min to max degrees, inclusive. */
  /**
   * Mem Pro/Anti stimulus durations, inclusive. {@code withMemStimulus(goCue - stimulusOnset, same)} keeps the
   * stimulus on until the go cue, as the authors' code does (no memory delay; REFERENCE.md section 1 calls
   * that a defect and the default keeps a real delay).
   */
  public TaskConfig withMemStimulus(int minSteps, int maxSteps) {
    return new TaskConfig(steps, silentSteps, stimulusOnset, goCue, inputNoiseStd, angleMinDeg, angleMaxDeg, angleCount,
        minSteps, maxSteps, pulse1Onset, pulse2Onset, pulseSteps, streamsShareAngles);
  }

  /** The authors' Mem Pro/Anti: the stimulus stays on until the go cue. */
  public TaskConfig withoutMemDelay() {
    return withMemStimulus(goCue - stimulusOnset, goCue - stimulusOnset);
  }

  public TaskConfig withAngleRange(double minDeg, double maxDeg, int count) {
    return new TaskConfig(steps, silentSteps, stimulusOnset, goCue, inputNoiseStd, minDeg, maxDeg, count,
        memStimulusMinSteps, memStimulusMaxSteps, pulse1Onset, pulse2Onset, pulseSteps, streamsShareAngles);
  }

  /** A copy whose two-stream tasks draw their streams as the authors' code does (cos and sin of the same angles), or not. */
  public TaskConfig withStreamsSharingAngles(boolean share) {
    return new TaskConfig(steps, silentSteps, stimulusOnset, goCue, inputNoiseStd, angleMinDeg, angleMaxDeg, angleCount,
        memStimulusMinSteps, memStimulusMaxSteps, pulse1Onset, pulse2Onset, pulseSteps, share);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException("Invalid task configuration: " + problem + ".");
    }
  }
}
