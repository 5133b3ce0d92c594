package org.molap.dl4j.molap;

import org.molap.core.corpus.TaskCorpus;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.dl4j.data.PrimitiveIterator;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainableSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequential module pre-training (seed 000 sections 3.1, 3.3, A.2.1): module k learns to map the k-th input
 * variate to the k-th target variate. Trainable: module k's intra-module block of W_rec, plus a scaffold
 * input vector and readout that exist only for pre-training (as in the authors' code). Everything else is
 * frozen, while the gradient flows through the whole network. Modules train in order 1, 2, ...
 */
public final class ModulePretraining {
    /** Called after module k has trained, with the graph that trained it (e.g. to save a model file). */
    public interface ModuleDone {
        void accept(int module, RecurrentModel model, PhaseRecord record);
    }

    private final GraphCache graphs;
    private final PhaseSettings settings;
    private final Trainer trainer;

    public ModulePretraining(GraphCache graphs, PhaseSettings settings, Trainer trainer) {
        this.graphs = graphs;
        this.settings = settings;
        this.trainer = trainer;
    }

    public static String phaseName(int module) {
        return "pretrain-M" + (module + 1);
    }

    public List<PhaseRecord> run(RecurrentCore core, TaskCorpus corpus, LatentPrimitives primitives, long seed, ModuleDone done) {
        int modules = core.config().modules();
        if (primitives.components() < modules) {
            throw new IllegalArgumentException("Pre-training " + modules + " modules needs " + modules
                    + " latent components, but the primitives have " + primitives.components() + ".");
        }
        RnnGraph.Shape shape = RnnGraph.Shape.of(core, 1, 1, settings.steps(), settings.dtype(), settings.regularisation());
        List<PhaseRecord> records = new ArrayList<>();
        for (int k = 0; k < modules; k++) {
            Head scaffold = Head.random(core.units(), 1, 1, settings.readoutScale(), seed + 7919L * (k + 1), settings.dtype());
            RecurrentModel graph = graphs.loaded(shape, core, scaffold);
            TrainableSet trainable = new TrainableSet()
                    .masked(RecurrentCore.W_REC, core.moduleBlockMask(k))
                    .all(Head.W_IN).all(Head.W_OUT).all(Head.B_OUT);
            PrimitiveIterator data = new PrimitiveIterator(corpus, primitives, k, settings.batchSize(),
                    settings.pretraining().iterations(), seed + 31L * (k + 1), settings.dtype());
            PhaseRecord record = trainer.fit(phaseName(k), graph, trainable, data);
            graph.storeInto(core, scaffold);
            records.add(record);
            if (done != null) {
                done.accept(k, graph, record);
            }
        }
        return records;
    }
}
