package org.molap.core.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A task as one network that does every task sees it (DNI, REFERENCE.md section 1 "Baselines"): the task's
 * channels in a shared layout padded with zeros to {@code sharedInputs} / {@code sharedOutputs} channels,
 * followed by a one-hot rule input naming the task, on from the end of the silent steps. Without the rule
 * input, Pro and Anti receive identical inputs and could not both be solved. Padded outputs have target 0;
 * {@link #scoredOutputs()} says which outputs belong to the task.
 */
public final class RuleCuedTask implements Task {
  private final Task task;
  private final int rule;
  private final List<String> rules;
  private final int sharedInputs;
  private final int sharedOutputs;
  private final int ruleOnset;

  /**
   * @param rules the names of all rules, in the order of the one-hot channels; {@code task.name()} must be one
   * @param ruleOnset first step at which the rule input is 1 (the end of the silent steps)
   */
  public RuleCuedTask(Task task, List<String> rules, int sharedInputs, int sharedOutputs, int ruleOnset) {
    this.task = task;
    this.rules = List.copyOf(rules);
    this.rule = rules.indexOf(task.name());
    if (rule < 0) {
      throw new IllegalArgumentException("Task " + task.name() + " is not among the rules " + rules + ".");
    }
    if (task.inputChannels().size() > sharedInputs || task.outputChannels().size() > sharedOutputs) {
      throw new IllegalArgumentException("Task " + task.name() + " has more channels than the shared layout ("
          + sharedInputs + " inputs, " + sharedOutputs + " outputs).");
    }
    this.sharedInputs = sharedInputs;
    this.sharedOutputs = sharedOutputs;
    this.ruleOnset = ruleOnset;
  }

  /** Every task of {@code tasks} in one layout wide enough for all of them, rules in list order. */
  public static List<RuleCuedTask> layout(List<Task> tasks, int ruleOnset) {
    int in = tasks.stream().mapToInt(t -> t.inputChannels().size()).max().orElse(0);
    int out = tasks.stream().mapToInt(t -> t.outputChannels().size()).max().orElse(0);
    List<String> names = tasks.stream().map(Task::name).toList();
    return tasks.stream().map(t -> new RuleCuedTask(t, names, in, out, ruleOnset)).toList();
  }

  public Task task() {
    return task;
  }

  /** Indices of the shared outputs that carry this task's outputs (the rest are padding). */
  public int[] scoredOutputs() {
    int[] idx = new int[task.outputChannels().size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return idx;
  }

  @Override
  public String name() {
    return task.name();
  }

  @Override
  public List<String> inputChannels() {
    List<String> names = new ArrayList<>(task.inputChannels());
    for (int i = names.size(); i < sharedInputs; i++) {
      names.add("unused_in" + i);
    }
    rules.forEach(r -> names.add("rule_" + r));
    return names;
  }

  @Override
  public List<String> outputChannels() {
    List<String> names = new ArrayList<>(task.outputChannels());
    for (int i = names.size(); i < sharedOutputs; i++) {
      names.add("unused_out" + i);
    }
    return names;
  }

  @Override
  public Trials sample(int batchSize, Random rng, DataType dtype) {
    Trials own = task.sample(batchSize, rng, dtype);
    int steps = own.steps();
    INDArray inputs = Nd4j.zeros(dtype, batchSize, sharedInputs + rules.size(), steps);
    inputs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, own.inputs().size(1)), NDArrayIndex.all()).assign(own.inputs());
    inputs.get(NDArrayIndex.all(), NDArrayIndex.point(sharedInputs + rule), NDArrayIndex.interval(ruleOnset, steps)).assign(1);
    INDArray targets = Nd4j.zeros(dtype, batchSize, sharedOutputs, steps);
    targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, own.targets().size(1)), NDArrayIndex.all()).assign(own.targets());
    return new Trials(task.name(), inputs, targets, inputChannels(), outputChannels());
  }
}
