package org.molap.dl4j.rnn;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model file a run wrote (models/&lt;phase&gt;.fb, SameDiff's flatbuffers format, {@link GraphCache#save}) read back:
 * its weights by name and its forward pass, which gives the saved network's outputs. A file that is damaged, or is
 * not a MoLaP network, is one clear sentence.
 */
public final class ModelFile {
    private static final List<String> VARIABLES = List.of(RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT);

    private final SameDiff graph;

    private ModelFile(SameDiff graph) {
        this.graph = graph;
    }

    public static ModelFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No model file at " + file + ".");
        }
        SameDiff graph;
        try {
            graph = SameDiff.load(file.toFile(), true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The model file " + file + " is damaged or not a SameDiff model file (" + e + ").");
        }
        for (String name : VARIABLES) {
            if (!graph.hasVariable(name) || graph.getArrForVarName(name) == null) {
                throw new IllegalArgumentException("The file " + file + " is a SameDiff graph but not a MoLaP network: it has no "
                        + name + ".");
            }
        }
        if (!graph.hasVariable(RnnGraph.INPUT) || !graph.hasVariable(RnnGraph.OUTPUT)) {
            throw new IllegalArgumentException("The file " + file + " is a SameDiff graph but not a MoLaP network: it has no "
                    + RnnGraph.INPUT + " or " + RnnGraph.OUTPUT + ".");
        }
        return new ModelFile(graph);
    }

    /** The saved value of a weight (W_rec, b, W_in, W_out, b_out). */
    public INDArray array(String name) {
        return graph.getArrForVarName(name);
    }

    /** The saved network's outputs [batch, nOut, T] for inputs [batch, nIn, T] (T as saved). */
    public INDArray forward(INDArray inputs) {
        INDArray wIn = array(Head.W_IN);
        return graph.output(Map.of(RnnGraph.INPUT, inputs.castTo(wIn.dataType())), RnnGraph.OUTPUT).get(RnnGraph.OUTPUT);
    }
}
