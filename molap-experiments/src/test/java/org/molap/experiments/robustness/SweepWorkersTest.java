package org.molap.experiments.robustness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.perturb.UnitPartition;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sweep split over two child JVMs gives the accuracies of the same sweep run here, draw for draw. */
class SweepWorkersTest {

    @Test
    void childJvmsGiveTheSweepOfThisJvm(@TempDir Path tmp) {
        Trials test = MolapTasks.byName("DelayPro").sample(60, 5);
        SweepPlan plan = new SweepPlan(new double[] {20}, new double[] {0.05}, 2, 17);
        List<SweepUnit> units = new ArrayList<>();
        for (int units2 : new int[] {20, 40, 20}) {
            RnnGraph.Shape shape = new RnnGraph.Shape(units2, 3, 3, test.steps(), DataType.FLOAT, Regularisation.none(), 0.2);
            ElmanBptt net = ElmanBptt.build(shape).load(RecurrentCore.random(new ModularRnnConfig(units2, 2, 1.5, units.size()), DataType.FLOAT),
                    Head.random(units2, 3, 3, 40 + units.size(), DataType.FLOAT));
            units.add(new SweepUnit("m" + units.size(), "DelayPro", 3,
                    new PerturbationSweep.Network(shape, net.parameters(), new UnitPartition(units2, 2)), tmp.resolve("out-" + units.size() + ".json")));
        }
        assertEquals(List.of(List.of(1), List.of(0, 2)), SweepWorkers.shares(units, 2), "the largest network alone, the two small together");
        SweepWorkers.run(plan, units, i -> test, 2, tmp.resolve("logs"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (SweepUnit u : units) {
            Map<String, double[][]> here = plan.perturb(u.network(), test.inputs(), test.targets(), u.scored());
            Map<String, double[][]> there = SweepUnit.readAccuracy(u.output());
            assertEquals(here.keySet(), there.keySet());
            here.forEach((family, acc) -> {
                for (int l = 0; l < acc.length; l++) {
                    assertArrayEquals(acc[l], there.get(family)[l], 0, u.method() + " " + family + " level " + l);
                }
            });
        }
    }
}
