package org.iomworkbench.core.load;

/**
 * What one file contributed to a snapshot.
 *
 * @param fileName     the extract file, or {@code harm_index.csv (default)} when the workbench's own was used
 * @param sha256       checksum of the file's bytes
 * @param bytes        size of the file
 * @param rowsRead     data rows read (header excluded)
 * @param rowsAccepted rows loaded
 * @param rowsRejected rows kept aside in the rejections
 * @param extraColumns unknown columns that were ignored, comma-separated, or empty
 */
public record FileSummary(String fileName, String sha256, long bytes, long rowsRead, long rowsAccepted,
                          long rowsRejected, String extraColumns) {
}
