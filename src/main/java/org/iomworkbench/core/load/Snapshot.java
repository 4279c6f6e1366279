package org.iomworkbench.core.load;

import java.time.LocalDate;
import java.util.List;

/**
 * One load of an extract folder: a full refresh of the source systems' data.
 *
 * @param id          the snapshot's number in this workspace
 * @param createdAt   when it was loaded (ISO instant)
 * @param sourceFolder the folder it was loaded from
 * @param extractDate the day the extract was taken
 * @param schema      the H2 schema holding its tables
 * @param fingerprint SHA-256 over the names and checksums of its files
 * @param harmIndex   {@code folder} or {@code default}: where the harm index came from
 * @param files       what each file contributed
 */
public record Snapshot(int id, String createdAt, String sourceFolder, LocalDate extractDate, String schema,
                       String fingerprint, String harmIndex, long rowsRead, long rowsAccepted, long rowsRejected,
                       List<FileSummary> files) {
}
