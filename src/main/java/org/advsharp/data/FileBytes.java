package org.advsharp.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a whole file (or stream) into memory, transparently un-gzipping it when it starts with the
 * gzip magic bytes 0x1f 0x8b, and turning every failure into a {@link DataFileException} that names
 * the source. A gzip stream that ends early ("truncated gzip") or has a bad checksum is reported as
 * such rather than as a bare {@code EOFException}.
 */
final class FileBytes {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private FileBytes() {
    }

    /** All bytes of the file (read in one go), decompressed if gzip. */
    static byte[] read(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("data file path must not be null");
        }
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new DataFileException(name, "", "is a folder, not a file");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == GZIP_MAGIC_0 && (bytes[1] & 0xff) == GZIP_MAGIC_1;
            return gzip ? read(name, new ByteArrayInputStream(bytes)) : bytes;
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "", "no such file", e);
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, "", "not readable (permission denied)", e);
        } catch (IOException e) {
            throw new DataFileException(name, "", "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** All bytes of the stream, decompressed if gzip; {@code name} is used in error messages. */
    static byte[] read(String name, InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        boolean gzip;
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            gzip = b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1;
        } catch (IOException e) {
            throw new DataFileException(name, "", "cannot be read (" + e.getMessage() + ")", e);
        }
        if (!gzip) {
            return drain(name, in, false);
        }
        try {
            return drain(name, new GZIPInputStream(in, BUFFER), true);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw gzipProblem(name, e);
        }
    }

    private static byte[] drain(String name, InputStream in, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[BUFFER];
        try {
            int k;
            while ((k = in.read(buf)) >= 0) {
                out.write(buf, 0, k);
            }
        } catch (IOException e) {
            if (gzip) {
                throw gzipProblem(name, e);
            }
            throw new DataFileException(name, "", "cannot be read (" + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }

    private static DataFileException gzipProblem(String name, IOException e) {
        if (e instanceof EOFException) {
            return new DataFileException(name, "", "truncated gzip data: the compressed stream ends before "
                    + "its end marker (was the download or copy cut short?)", e);
        }
        if (e instanceof ZipException) {
            return new DataFileException(name, "", "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new DataFileException(name, "", "cannot be decompressed (" + e.getMessage() + ")", e);
    }
}
