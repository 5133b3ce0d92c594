package org.molap.dl4j.rnn;

import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * The modular RNN of seed 000 Eq. 1 as something the {@link org.molap.dl4j.train.Trainer} can train: live
 * parameter arrays by name, and the loss with its gradients for a batch. Two engines implement it: the
 * SameDiff graph ({@link RnnGraph}, automatic differentiation) and a hand-derived BPTT ({@link ElmanBptt}),
 * which the graph keeps honest in a gradient test.
 */
public interface RecurrentModel extends TrainableModel {

    RnnGraph.Shape shape();

    /** Copies the weights of this core and head into the model. */
    default RecurrentModel load(RecurrentCore core, Head head) {
        RnnGraph.Shape shape = shape();
        if (core.units() != shape.units() || head.inputs() != shape.inputs() || head.outputs() != shape.outputs()) {
            throw new IllegalArgumentException("A network with " + core.units() + " units and " + head.inputs() + " inputs / "
                    + head.outputs() + " outputs does not fit a model built for " + shape + ".");
        }
        array(RecurrentCore.W_REC).assign(core.wRec());
        array(RecurrentCore.BIAS).assign(core.bias());
        array(Head.W_IN).assign(head.wIn());
        array(Head.W_OUT).assign(head.wOut());
        array(Head.B_OUT).assign(head.bOut());
        return this;
    }

    /** Copies the model's current weights back into this core and head (bitwise). */
    default void storeInto(RecurrentCore core, Head head) {
        core.wRec().assign(array(RecurrentCore.W_REC));
        core.bias().assign(array(RecurrentCore.BIAS));
        head.wIn().assign(array(Head.W_IN));
        head.wOut().assign(array(Head.W_OUT));
        head.bOut().assign(array(Head.B_OUT));
    }

    /** The live array of a variable (W_rec, b, W_in, W_out, b_out): the trainer updates it in place. */
    @Override
    INDArray array(String variable);

    LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, Collection<String> variables);

    /** The Elman engines have no loss mask: every entry of every step counts (seed 000). */
    @Override
    default LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
        if (mask != null) {
            throw new IllegalArgumentException("This modular Elman engine has no loss mask; build the network as a cell "
                    + "(org.molap.dl4j.model) to train on masked losses.");
        }
        return lossAndGradients(inputs, targets, variables);
    }

    /** Outputs [batch, nOut, T] for inputs [batch, nIn, T]. */
    INDArray forward(INDArray inputs);

    /** Hidden states [batch, N, T]; entry t is the state after input x_t. */
    INDArray states(INDArray inputs);
}
