package org.molap.experiments.nmrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.experiments.parallel.NetworkUnits;

/** A resumed run trains only the networks without a result; results read back as written. */
class NetworkUnitsTest {

    record Written(String name, double value) {
    }

    @Test
    void finishedNetworksAreKept(@TempDir Path tmp) throws Exception {
        List<String> trained = new ArrayList<>();
        List<ModelUnit> units = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            units.add(new ModelUnit(NmModel.LR_RNN, seed, tmp.resolve("lr-seed" + seed), (m, k, d, out) -> {
                trained.add(m.id() + k);
                NetworkUnits.writeResult(d, new Written(m.id(), k));
            }));
        }
        NetworkUnits.writeResult(units.get(1).dir(), new Written("lr", 2));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        NetworkUnits.train("mwg", Map.of(), units, 1, tmp.resolve("logs"), new PrintStream(console));
        assertEquals(List.of("lr1", "lr3"), trained);
        assertTrue(console.toString().contains("1 of 3 networks were trained before"));
        assertEquals(new Written("lr", 3), NetworkUnits.readResult(units.get(2).dir(), Written.class));
        assertTrue(Files.isRegularFile(units.get(0).dir().resolve(NetworkUnits.RESULT)));
    }
}
