package org.molap.experiments.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every results table of the README says what its files in results/ say (./molap readme regenerates them). */
class ReadmeTablesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmesTablesAgreeWithTheirResultFiles() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("<!-- table: "), "the README marks its generated tables");
        assertEquals(ReadmeTables.render(ROOT, readme), readme,
                "a README table disagrees with its result file: run ./molap readme and look at the difference");
    }

    @Test
    void numbersAndNamesAreWrittenForPeople() {
        assertEquals("Context Mem Dm 1", ReadmeTables.spaced("ContextMemDm1"));
        assertEquals("Delay Pro", ReadmeTables.spaced("DelayPro"));
        assertEquals("1.8x", ReadmeTables.times(1.83));
        assertEquals("34x", ReadmeTables.times(33.9));
        assertEquals("2400x", ReadmeTables.times(2384.3));
    }

    /** Known answer: MoLaP on seeds {1, 2, 3} and {2, 3, 4} pairs on seeds 2 and 3 only, headed by the setting that differs. */
    @Test
    void pairedSummariesCompareTheSeedsBothRan() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String a = "{\"config\":{\"baselines_config\":{\"g\":1.5,\"primitive_channels\":\"all\",\"methods\":[\"molap\"]}},"
                + "\"results\":{\"methods\":{\"molap\":{\"seeds\":[1,2,3],\"tasks\":{\"MemPro\":{\"per_seed\":[0.5,0.9,0.8]}}}}}}";
        String b = "{\"config\":{\"baselines_config\":{\"g\":1.5,\"primitive_channels\":\"no-fixation\",\"methods\":[]}},"
                + "\"results\":{\"methods\":{\"molap\":{\"seeds\":[2,3,4],\"tasks\":{\"MemPro\":{\"per_seed\":[0.8,1.0,0.1]}}}}}}";
        String table = BaselineTables.paired(java.util.List.of(json.readTree(a), json.readTree(b)));
        assertEquals("| task | primitive_channels = all | primitive_channels = no-fixation | difference, same seeds |\n|---|---|---|---|\n"
                + "| Mem Pro | 85.0 ± 7.1 | 90.0 ± 14.1 | +5.0 ± 21.2 |\n| mean | 85.0 ± 7.1 | 90.0 ± 14.1 | +5.0 ± 21.2 |\n", table);
    }

    /** Known answer: a condition's medians over its networks; the clamped / intact column only where an ablation ran. */
    @Test
    void elementFinderRowsGiveEachConditionsMedians() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String run = "{\"results\":{\"conditions\":{"
                + "\"nm\":{\"label\":\"NM-RNN (5, 18, 8)\",\"parameters\":490,\"held_out_mse\":{\"median\":2.5,\"q1\":2,\"q3\":3,"
                + "\"networks\":[2,2.5,3]},\"final_held_out_mse\":{\"median\":4,\"q1\":3,\"q3\":5,\"networks\":[3,4,5]},"
                + "\"lowest_training_loss\":[1,2,0.5],\"seconds\":[60,120,90],\"ablation_ratio\":[3,1,2]},"
                + "\"lstm\":{\"label\":\"LSTM (10)\",\"parameters\":491,\"held_out_mse\":{\"median\":0.5,\"q1\":0.4,\"q3\":0.6,"
                + "\"networks\":[0.4,0.6]},\"final_held_out_mse\":{\"median\":20,\"q1\":10,\"q3\":30,\"networks\":[10,30]},"
                + "\"lowest_training_loss\":[0.1,0.3],\"seconds\":[30,90]}}}}";
        assertEquals("| condition | parameters | networks | held-out MSE (lowest-loss parameters) | held-out MSE (last parameters) "
                + "| lowest training loss | clamped / intact (most-used s_k) | minutes per network |\n"
                + "|---|---|---|---|---|---|---|---|\n| NM-RNN (5, 18, 8) | 490 | 3 | 2.50 [2.00-3.00] | 4.00 [3.00-5.00] | 1.00 | 2.00x | 1.5 |\n"
                + "| LSTM (10) | 491 | 2 | 0.50 [0.40-0.60] | 20.00 [10.00-30.00] | 0.20 |  | 1.0 |\n",
                Seed003Tables.elementFinder(java.util.List.of(json.readTree(run))));
    }

    /** Known answer: one row per rank-1 network, its intervals as columns, the largest identity error. */
    @Test
    void rankOneRowsGiveEachNetwork() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String run = "{\"results\":{\"networks\":[{\"seed\":1,\"seconds\":600,\"trainMse\":0.00012,"
                + "\"relativeRmse\":{\"I=7\":0.2,\"I=15\":0.05},\"identityError\":{\"I=7\":1e-15,\"I=15\":3e-15}}]}}";
        assertEquals("| seed | training MSE | s(t) against the prediction, I = 7 | s(t) against the prediction, I = 15 | identity error "
                + "| minutes |\n|---|---|---|---|---|---|\n| 1 | 1.2e-04 | 0.200 | 0.050 | 3.0e-15 | 10.0 |\n",
                Seed003Tables.rankOne(java.util.List.of(json.readTree(run))));
    }

    /** Known answer: an architecture's means over its networks with their range, the pooled test with its pairs. */
    @Test
    void motifRowsGiveEachArchitecturesMeansAndRanges() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String run = "{\"results\":{\"architectures\":{\"additive\":{\"label\":\"additive\",\"units\":300,\"trained_entries\":3000,"
                + "\"random_score\":[0.1,0.2,0.3],\"chained_score\":[0.2,0.2,0.5],\"penalty\":[2,1,1.6667],"
                + "\"pooled_wilcoxon\":{\"pairs\":30,\"p_two_sided\":0.000123},\"seconds\":[600,1200,1800]}}}}";
        assertEquals("| architecture | N | learned entries | networks | random-start score | chained score | chained / random "
                + "| pooled Wilcoxon p (pairs) | minutes per network |\n|---|---|---|---|---|---|---|---|---|\n"
                + "| additive | 300 | 3000 | 3 | 0.200 [0.100-0.300] | 0.300 [0.200-0.500] | 1.56 [1.00-2.00] | 0.00012 (30) | 20 |\n",
                MotifTable.table(java.util.List.of(json.readTree(run))));
    }

    /** Known answer: a condition's r^2 quartiles, the gap of the medians, medians over networks of the rest. */
    @Test
    void disentangleRowsGiveEachConditionsQuartiles() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String run = "{\"results\":{\"conditions\":[{\"dims\":2,\"tasks\":24,\"parameters\":8408,"
                + "\"id\":{\"median\":0.97,\"q1\":0.96,\"q3\":0.975},\"ood\":{\"median\":0.9,\"q1\":0.85,\"q3\":0.93},"
                + "\"ood_least_squares\":{\"median\":0.91},\"accuracy\":[0.95,0.97],\"top3_variance\":[0.8,0.9],"
                + "\"seconds\":[480,540]}]}}";
        assertEquals("| D | N_task | parameters | networks | ID r^2 | OOD r^2 | ID - OOD | OOD r^2, least squares | decision accuracy "
                + "| top-3 PCs' variance | minutes per network |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
                + "| 2 | 24 | 8408 | 2 | 0.970 [0.960-0.975] | 0.900 [0.850-0.930] | 0.070 | 0.910 | 0.960 | 0.85 | 8.5 |\n",
                DisentangleTable.table(java.util.List.of(json.readTree(run))));
    }

    @Test
    void memoryCoresAreNamedForPeople() {
        assertEquals("random, g = 1.5, a = 0.2", MemoryTable.label("g=1.5 a=0.2"));
        assertEquals("random, g = 1, a = 1", MemoryTable.label("g=1.0 a=1.0"));
        assertEquals("pre-trained core (a = 0.2)", MemoryTable.label("pretrained a=0.2"));
    }
}
