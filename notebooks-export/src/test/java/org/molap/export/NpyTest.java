package org.molap.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {
    @TempDir
    Path tmp;

    @Test
    void readsWhatNd4jWrites() throws IOException {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT}) {
            INDArray a = Nd4j.arange(24).reshape('c', 2, 3, 4).castTo(type);
            Path file = tmp.resolve(type + ".npy");
            Nd4j.writeAsNumpy(a, file.toFile());
            Npy.Array read = Npy.read(file);
            assertArrayEquals(new long[] {2, 3, 4}, read.shape(), type.toString());
            assertArrayEquals(a.castTo(DataType.DOUBLE).data().asDouble(), read.data(), 0, type.toString());
            assertEquals(a.getDouble(1, 2, 3), read.matrix(1)[2][3], 0);
        }
        assertEquals("float32", Npy.header(tmp.resolve("FLOAT.npy")).dtype());
    }

    @Test
    void readsFortranOrderAndBigEndianAsNumPyWould() throws IOException {
        // numpy.asfortranarray([[1, 2, 3], [4, 5, 6]], dtype='>f8')
        Path file = tmp.resolve("f.npy");
        Files.write(file, npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", ByteOrder.BIG_ENDIAN,
                1, 4, 2, 5, 3, 6));
        Npy.Array a = Npy.read(file);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data(), 0);
        assertArrayEquals(new double[] {4, 5, 6}, a.matrix(0)[1], 0);
    }

    @Test
    void damagedFilesAreNamedNotCrashed() throws IOException {
        Path truncated = tmp.resolve("t.npy");
        byte[] whole = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", ByteOrder.LITTLE_ENDIAN,
                1, 2, 3, 4);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 8));
        String msg = assertThrows(IllegalArgumentException.class, () -> Npy.read(truncated)).getMessage();
        assertTrue(msg.contains(truncated.toString()) && msg.contains("truncated"), msg);

        Path text = tmp.resolve("x.npy");
        Files.writeString(text, "not an array");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(text)).getMessage()
                .contains("is not a NumPy .npy file"));
        Path complex = tmp.resolve("c.npy");
        Files.write(complex, npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", ByteOrder.LITTLE_ENDIAN,
                1, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(complex)).getMessage()
                .contains("dtype <c16"));
    }

    /** A version 1.0 .npy file of doubles with the given header dict. */
    private static byte[] npy(String dict, ByteOrder order, double... values) {
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            data.putDouble(v);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
