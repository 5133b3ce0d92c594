package org.molap.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy .npy files (format versions 1 to 3; float, integer and bool dtypes in either byte order;
 * C or Fortran order) into doubles in C order, in plain Java: a damaged file gives an
 * IllegalArgumentException naming it instead of touching native code.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array's shape and its values in C (row-major) order. */
    record Array(long[] shape, double[] data) {
        int rank() {
            return shape.length;
        }

        /** The 2-D slice {@code [i, :, :]} of a rank-3 array, or the whole of a rank-2 array when i == 0. */
        double[][] matrix(int i) {
            int rows = (int) shape[rank() - 2];
            int cols = (int) shape[rank() - 1];
            int offset = rank() == 3 ? i * rows * cols : 0;
            double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, offset + r * cols, m[r], 0, cols);
            }
            return m;
        }

        String shapeText() {
            return Npy.shapeText(shape);
        }
    }

    /** Header of a .npy file: dtype, order and shape, and where the data starts. */
    record Header(char byteOrder, char kind, int itemSize, boolean fortran, long[] shape, int dataOffset) {
        long count() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /** NumPy's name of the dtype: float32, int64, uint8, bool. */
        String dtype() {
            return switch (kind) {
                case 'f' -> "float" + 8 * itemSize;
                case 'i' -> "int" + 8 * itemSize;
                case 'u' -> "uint" + 8 * itemSize;
                default -> "bool";
            };
        }
    }

    private Npy() {
    }

    /** A shape as NumPy prints it: (3, 4). */
    static String shapeText(long[] shape) {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    /** Reads only the header (cheap, for listing shapes). */
    static Header header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parseHeader(file, in.readNBytes(65_536 + 16));
        } catch (IOException e) {
            throw bad(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw bad(file, "cannot be read (" + e.getMessage() + ")");
        }
        Header h = parseHeader(file, bytes);
        long count = h.count();
        if (count > Integer.MAX_VALUE || bytes.length - (long) h.dataOffset < count * h.itemSize) {
            throw bad(file, "is truncated: its header promises " + count + " values of " + h.itemSize + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, h.dataOffset, bytes.length - h.dataOffset)
                .order(h.byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = value(buf, h);
        }
        return new Array(h.shape, h.fortran ? toC(data, h.shape) : data);
    }

    private static Header parseHeader(Path file, byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw bad(file, "is not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (major < 1 || major > 3 || length < 0 || start + length > bytes.length) {
            throw bad(file, "has a damaged .npy header");
        }
        String dict = new String(bytes, start, length, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw bad(file, "has a .npy header this reader does not understand: " + dict.trim());
        }
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        if (!supported(kind, size)) {
            throw bad(file, "has dtype " + d.group(1) + kind + size + "; only float, int, uint and bool are read");
        }
        long[] shape = Arrays.stream(s.group(1).split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).mapToLong(Long::parseLong).toArray();
        return new Header(d.group(1).charAt(0), kind, size, f.group(1).equals("True"), shape, start + length);
    }

    private static boolean supported(char kind, int size) {
        return switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
    }

    private static double value(ByteBuffer buf, Header h) {
        return switch (h.kind) {
            case 'f' -> h.itemSize == 4 ? buf.getFloat() : buf.getDouble();
            case 'b' -> buf.get() != 0 ? 1 : 0;
            case 'u' -> switch (h.itemSize) {
                case 1 -> Byte.toUnsignedInt(buf.get());
                case 2 -> Short.toUnsignedInt(buf.getShort());
                case 4 -> Integer.toUnsignedLong(buf.getInt());
                default -> (double) buf.getLong();
            };
            default -> switch (h.itemSize) {
                case 1 -> buf.get();
                case 2 -> buf.getShort();
                case 4 -> buf.getInt();
                default -> (double) buf.getLong();
            };
        };
    }

    /** Column-major data of the given shape, reordered to row-major. */
    private static double[] toC(double[] fortran, long[] shape) {
        double[] c = new double[fortran.length];
        int rank = shape.length;
        int[] index = new int[rank];
        for (int i = 0; i < fortran.length; i++) {
            int f = 0;
            int stride = 1;
            for (int k = 0; k < rank; k++) {
                f += index[k] * stride;
                stride *= (int) shape[k];
            }
            c[i] = fortran[f];
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return c;
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("Array file " + file + " " + what + ".");
    }
}
