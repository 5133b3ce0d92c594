package org.molap.core.corpus;

import org.junit.jupiter.api.Test;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.TaskConfig;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leave-out (seed 000 section 4.2): the left-out tasks' trials never reach the fit. They are poisoned with NaN; the
 * corpus without them, and the CCA and PCA fits on it, stay finite, while the whole corpus carries the NaN.
 */
class LeaveOutTest {

    /** A task whose every input and target is NaN. */
    private static Task poisoned(Task task) {
        return new Task() {
            @Override
            public String name() {
                return task.name();
            }

            @Override
            public List<String> inputChannels() {
                return task.inputChannels();
            }

            @Override
            public List<String> outputChannels() {
                return task.outputChannels();
            }

            @Override
            public Trials sample(int batchSize, Random rng, DataType dtype) {
                Trials t = task.sample(batchSize, rng, dtype);
                return new Trials(t.task(), t.inputs().dup().assign(Double.NaN), t.targets().dup().assign(Double.NaN),
                        t.inputChannels(), t.outputChannels());
            }
        };
    }

    private static boolean finite(INDArray a) {
        return Arrays.stream(a.dup().data().asDouble()).allMatch(Double::isFinite);
    }

    @Test
    void leftOutTasksNeverReachTheFit() {
        List<Task> tasks = new ArrayList<>(MolapTasks.corpus(TaskConfig.defaults()));
        tasks.set(6, poisoned(tasks.get(6)));   // T7, left out alone in the paper's Fig. 5
        tasks.set(8, poisoned(tasks.get(8)));   // T9 and T1: the leave-two-out pair that wraps around
        tasks.set(0, poisoned(tasks.get(0)));
        TaskCorpus all = new TaskCorpus(tasks);
        assertFalse(finite(all.sampleSideBySide(20, new Random(1), DataType.DOUBLE).inputs()), "the poison is there");

        TaskCorpus kept = all.without(List.of("ContextMemDm1", "MultiMem", "DelayPro"));
        assertEquals(6, kept.tasks().size());
        Trials sample = kept.sampleSideBySide(50, new Random(1), DataType.DOUBLE);
        assertTrue(finite(sample.inputs()) && finite(sample.targets()));
        assertTrue(sample.inputChannels().stream().noneMatch(c -> c.startsWith("MultiMem/") || c.startsWith("DelayPro/")));
        for (LatentPrimitives.Method method : LatentPrimitives.Method.values()) {
            LatentPrimitives fit = LatentPrimitives.fit(sample.inputs(), sample.targets(), 2, method);
            assertTrue(Arrays.stream(fit.canonicalCorrelations()).allMatch(Double::isFinite), method + " fit is finite");
            assertTrue(finite(fit.inputVariates(sample.inputs())), method + " variates are finite");
        }
    }

    @Test
    void leavingOutAnUnknownTaskOrEveryTaskIsRefused() {
        TaskCorpus all = new TaskCorpus(MolapTasks.corpus(TaskConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> all.without(List.of("NoSuchTask")));
        assertThrows(IllegalArgumentException.class, () -> all.without(MolapTasks.names()));
    }
}
