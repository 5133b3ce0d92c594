package org.molap.dl4j.rnn;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds each model shape once with the chosen engine; phases with the same shape load new weights instead of
 * rebuilding. Model files are always SameDiff graphs ({@link RnnGraph#save}), whichever engine trained them.
 */
public final class GraphCache {
    /** Which implementation of Eq. 1 trains: the hand-derived BPTT (fast, default) or the SameDiff graph. */
    public enum Engine {
        BPTT(ElmanBptt::build), SAMEDIFF(RnnGraph::build);

        private final Function<RnnGraph.Shape, RecurrentModel> factory;

        Engine(Function<RnnGraph.Shape, RecurrentModel> factory) {
            this.factory = factory;
        }
    }

    private final Engine engine;
    private final Map<RnnGraph.Shape, RecurrentModel> models = new HashMap<>();
    private final Map<RnnGraph.Shape, RnnGraph> graphsForFiles = new HashMap<>();

    public GraphCache() {
        this(Engine.BPTT);
    }

    public GraphCache(Engine engine) {
        this.engine = engine;
    }

    public RecurrentModel loaded(RnnGraph.Shape shape, RecurrentCore core, Head head) {
        return models.computeIfAbsent(shape, engine.factory).load(core, head);
    }

    /** Writes the model's current weights as a SameDiff model file. */
    public void save(RecurrentModel model, File file) {
        RnnGraph graph = model instanceof RnnGraph g ? g : graphsForFiles.computeIfAbsent(model.shape(), RnnGraph::build);
        if (graph != model) {
            model.parameters().forEach((name, value) -> graph.array(name).assign(value));
        }
        graph.save(file);
    }

    public int size() {
        return models.size();
    }
}
