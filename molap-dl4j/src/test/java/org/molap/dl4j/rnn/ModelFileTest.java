package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved network loads back with the same weights and the same outputs on a fixed batch; a bad file is one sentence. */
class ModelFileTest {

    private static byte[] bytes(INDArray a) {
        return a.dup().data().asBytes();
    }

    @Test
    void savedAndLoadedGiveIdenticalOutputs(@TempDir Path tmp) {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(12, 2, 1.5, 4, 0.2), DataType.FLOAT);
        Head head = Head.random(12, 3, 2, 2, DataType.FLOAT);
        RnnGraph graph = RnnGraph.build(RnnGraph.Shape.of(core, 3, 2, 9, DataType.FLOAT, Regularisation.paper())).load(core, head);
        Path file = tmp.resolve("task.fb");
        graph.save(file.toFile());

        ModelFile loaded = ModelFile.load(file);
        INDArray batch = Nd4j.rand(DataType.FLOAT, 5, 3, 9);
        assertArrayEquals(bytes(graph.forward(batch)), bytes(loaded.forward(batch)), "outputs bit for bit");
        for (String name : new String[] {RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT}) {
            assertArrayEquals(bytes(graph.array(name)), bytes(loaded.array(name)), name);
        }
    }

    @Test
    void aTruncatedForeignOrOtherGraphFileIsOneClearSentence(@TempDir Path tmp) throws Exception {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(8, 2, 1.5, 4, 0.2), DataType.FLOAT);
        RnnGraph graph = RnnGraph.build(RnnGraph.Shape.of(core, 2, 2, 5, DataType.FLOAT, Regularisation.paper()))
                .load(core, Head.random(8, 2, 2, 2, DataType.FLOAT));
        Path whole = tmp.resolve("whole.fb");
        graph.save(whole.toFile());
        byte[] all = Files.readAllBytes(whole);
        Path truncated = Files.write(tmp.resolve("truncated.fb"), Arrays.copyOf(all, all.length / 3));
        Path foreign = Files.writeString(tmp.resolve("notes.fb"), "not a model, just text\n".repeat(50));
        SameDiff other = SameDiff.create();
        other.var("x", Nd4j.ones(DataType.FLOAT, 2, 2));
        Path otherGraph = tmp.resolve("other.fb");
        other.save(otherGraph.toFile(), false);

        for (Path bad : new Path[] {truncated, foreign, tmp.resolve("missing.fb")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(bad));
            assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().lines().count() == 1, e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(otherGraph));
        assertTrue(e.getMessage().contains("not a MoLaP network"), e.getMessage());
    }
}
