package org.iomworkbench.core.audit;

/**
 * One link of the audit chain. {@code details} is JSON holding identifiers and hashes only,
 * never names or other personal data.
 */
public record AuditEntry(long seq, String at, String osUser, String command, String action,
                         String details, String prevHash, String hash) {

    /** The text whose SHA-256 is this entry's hash: every field and the previous hash. */
    static String canonical(long seq, String at, String osUser, String command, String action,
                            String details, String prevHash) {
        return String.join("\u001f", Long.toString(seq), at, osUser, command, action, details, prevHash);
    }
}
