package org.molap.dl4j.engine;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Map;
import java.util.Set;

/**
 * Picks the engine that trains a cell: its SameDiff graph (the definition, and the default), or a hand-derived
 * engine where one exists for this cell and loss. Both start from the same seeded parameters; each fast engine
 * has a test against the cell's SameDiff gradients. The model layer does not know the fast engines; this does.
 */
public final class Engines {
    public enum Engine { AUTO, SAMEDIFF, FAST }

    private Engines() {
    }

    public static TrainableModel build(Cell cell, int outputs, int steps, DataType dtype, Loss loss, long seed, Engine engine) {
        if (cell instanceof MotorRateCell motor && engine != Engine.SAMEDIFF && fastEngineMissing(cell, loss) == null) {
            // seed 001's trials run ~1000 steps, whose graph takes minutes to build: the engine starts from the same
            // seeded parameters without it
            return new MotorBptt(motor.config(), Unroller.initialParameters(cell, outputs, dtype, seed), outputs, steps, dtype, loss, seed);
        }
        CellModel graph = Unroller.unroll(cell, outputs, steps, dtype, loss, seed);
        if (engine == Engine.SAMEDIFF) {
            return graph;
        }
        String why = fastEngineMissing(cell, loss);
        if (why != null) {
            if (engine == Engine.FAST) {
                throw new IllegalArgumentException("No fast engine for this model: " + why + "; use the SameDiff engine.");
            }
            return graph;
        }
        if (cell instanceof NmRnnCell nm) {
            return new NmRnnBptt(nm.config(), graph.parameters(), outputs, steps, dtype, loss.usesMask());
        }
        if (cell instanceof EncodedReluCell relu) {
            return new EncodedReluBptt(relu, graph.parameters(), outputs, steps, dtype, loss.usesMask(),
                    loss.kind());
        }
        if (cell instanceof RateRnnCell rate) {
            return new RateRnnBptt(rate, graph.parameters(), outputs, steps, dtype, loss.usesMask());
        }
        if (cell instanceof LstmCell lstm) {
            return new LstmBptt(lstm.units(), lstm.inputs(), graph.parameters(), outputs, steps, dtype, loss.usesMask());
        }
        LeakyRnnCell leaky = (LeakyRnnCell) cell;
        double l2 = loss.l2().values().stream().findFirst().orElse(0.0);
        ElmanBptt fast = ElmanBptt.build(new RnnGraph.Shape(leaky.units(), leaky.inputs(), outputs, steps, dtype,
                new Regularisation(l2, loss.activity()), leaky.leak()));
        graph.parameters().forEach((name, values) -> fast.array(name).assign(values));
        return fast;
    }

    /** Why no fast engine fits, or null when one does. */
    static String fastEngineMissing(Cell cell, Loss loss) {
        if (cell instanceof NmRnnCell) {
            return loss.kind() == Loss.Kind.MSE && loss.l2().isEmpty() && loss.activity() == 0
                    ? null : "the NM-RNN engine computes a mean squared error without penalties";
        }
        if (cell instanceof EncodedReluCell) {
            return loss.kind() != Loss.Kind.NONE && loss.l2().isEmpty() && loss.activity() == 0
                    ? null : "the encoded ReLU engine computes a mean squared error (of the readout or its tanh) or a cross-entropy, without penalties";
        }
        if (cell instanceof LstmCell) {
            return loss.kind() == Loss.Kind.MSE && loss.l2().isEmpty() && loss.activity() == 0
                    ? null : "the LSTM engine computes a mean squared error without penalties";
        }
        if (cell instanceof RateRnnCell) {
            return loss.kind() == Loss.Kind.MSE && loss.l2().isEmpty() && loss.activity() == 0
                    ? null : "the rate-RNN engine computes a mean squared error without penalties";
        }
        if (cell instanceof MotorRateCell) {
            return (loss.kind() == Loss.Kind.MSE || loss.kind() == Loss.Kind.NONE) && loss.l2().isEmpty()
                    ? null : "the motor engine computes seed 001's mean squared error and activity cost, no L2 penalty";
        }
        if (!(cell instanceof LeakyRnnCell)) {
            return "only the leaky tanh cell, seed 001's additive network, seed 003's networks and seed 002's have one ("
                    + cell.getClass().getSimpleName() + " given)";
        }
        if (loss.kind() != Loss.Kind.MSE || loss.usesMask()) {
            return "the BPTT engine computes an unmasked mean squared error";
        }
        Set<String> weights = Set.of(LeakyRnnCell.W_REC, LeakyRnnCell.W_IN, Unroller.W_OUT);
        Map<String, Double> l2 = loss.l2();
        boolean sameL2OnAllWeights = l2.keySet().equals(weights) && l2.values().stream().distinct().count() == 1;
        if (!l2.isEmpty() && !sameL2OnAllWeights) {
            return "the BPTT engine penalises W_rec, W_in and W_out with one L2 coefficient";
        }
        return null;
    }
}
