package org.molap.dl4j.engine;

import org.molap.dl4j.model.cells.GramSchmidt;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * The orthonormal factor Q of a low-rank left factor L (seed 003's NM-RNN and low-rank RNN), for the fast engines:
 * Q by the cells' own {@link GramSchmidt} graph, and the gradient in L of a loss whose gradient in Q is dQ, as the
 * autodiff gradient of sum(Q * dQ) in that small graph (N x K entries: cheap, and the same arithmetic as the cell).
 */
final class OrthonormalFactor {
    private static final String L = "L";
    private static final String Q = "Q";
    private static final String DQ = "dQ";
    private final SameDiff graph;
    private final INDArray noGradient;

    OrthonormalFactor(int rows, int rank, DataType dtype) {
        graph = SameDiff.create();
        SDVariable l = graph.var(L, Nd4j.zeros(dtype, rows, rank));
        SDVariable dq = graph.placeHolder(DQ, dtype, rows, rank);
        GramSchmidt.orthonormal(graph, l, rank).rename(Q).mul(dq).sum().rename("pullback");
        graph.setLossVariables("pullback");
        noGradient = Nd4j.zeros(dtype, rows, rank);
    }

    /** Q of L. */
    INDArray of(INDArray l) {
        graph.getVariable(L).setArray(l.dup());
        return graph.output(Map.of(DQ, noGradient), Q).get(Q);
    }

    /** dLoss/dL from dLoss/dQ at L. */
    INDArray pullback(INDArray l, INDArray dQ) {
        graph.getVariable(L).setArray(l.dup());
        return graph.calculateGradients(Map.of(DQ, dQ), List.of(L)).get(L);
    }
}
