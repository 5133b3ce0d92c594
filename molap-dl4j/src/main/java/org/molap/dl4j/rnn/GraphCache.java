package org.molap.dl4j.rnn;

import java.util.HashMap;
import java.util.Map;

/** Builds each graph shape once; phases with the same shape load new weights instead of rebuilding. */
public final class GraphCache {
    private final Map<RnnGraph.Shape, RnnGraph> graphs = new HashMap<>();

    public RnnGraph loaded(RnnGraph.Shape shape, RecurrentCore core, Head head) {
        return graphs.computeIfAbsent(shape, RnnGraph::build).load(core, head);
    }

    public int size() {
        return graphs.size();
    }
}
